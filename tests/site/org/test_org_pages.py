"""Organisation pages per persona: each sees only its part; an outsider gets 404, never 403."""

import pytest

from bijak.site.org.models import Employee, OrgUnit, RoleAssignment

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def test_anonymous_is_sent_to_login(client, org_tree):
    response = client.get(f"/organisasi/unit/{org_tree.root.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/akun/masuk/?next=")


def test_outsider_sees_nothing_and_gets_404_on_details(outsider_client, org_tree, employee):
    status, html = page(outsider_client, "/organisasi/")
    assert status == 200
    assert "Belum ada unit yang dapat Anda lihat" in html
    assert "Sekretariat Jenderal" not in html
    status, html = page(outsider_client, "/organisasi/pegawai/")
    assert "Belum ada pegawai di unit Anda" in html
    assert "Sari Wulandari" not in html
    for url in (
        f"/organisasi/unit/{org_tree.root.pk}/",
        f"/organisasi/pegawai/{employee.employee.pk}/",
        "/organisasi/unit/999999/",
        "/organisasi/impor/",
        "/organisasi/kelola/",
        "/audit/",
    ):
        assert outsider_client.get(url).status_code == 404, url


def test_employee_sees_own_record_only(employee_client, employee, colleague, org_tree):
    assert page(employee_client, f"/organisasi/pegawai/{employee.employee.pk}/")[0] == 200
    assert page(employee_client, f"/organisasi/pegawai/{colleague.employee.pk}/")[0] == 404
    assert page(employee_client, f"/organisasi/unit/{org_tree.keu_budget_planning.pk}/")[0] == 404
    _status, html = page(employee_client, "/organisasi/pegawai/")
    assert "Sari Wulandari" in html and "Dewi Anggraini" not in html
    assert page(employee_client, "/organisasi/impor/")[0] == 404


def test_unit_head_sees_own_unit_tree_and_staff(unit_head_client, employee, colleague, org_tree):
    status, html = page(unit_head_client, "/organisasi/")
    assert status == 200
    assert "Biro Keuangan dan Barang Milik Negara" in html
    assert "Subbagian Penyusunan Anggaran" in html
    assert "Biro Komunikasi dan Pelayanan Publik" not in html
    status, html = page(unit_head_client, f"/organisasi/unit/{org_tree.keu_budget_planning.pk}/")
    assert status == 200 and "Sari Wulandari" in html
    assert page(unit_head_client, f"/organisasi/unit/{org_tree.kpp.pk}/")[0] == 404
    assert page(unit_head_client, f"/organisasi/pegawai/{colleague.employee.pk}/")[0] == 404
    status, html = page(unit_head_client, f"/organisasi/pegawai/{employee.employee.pk}/")
    assert status == 200 and "199004122015032001" in html
    assert page(unit_head_client, "/organisasi/kelola/")[0] == 404


@pytest.mark.parametrize("persona", ["officer_client", "auditor_client", "admin_client_"])
def test_org_wide_roles_see_every_unit(request, persona, org_tree, employee, colleague):
    client = request.getfixturevalue(persona)
    status, html = page(client, "/organisasi/")
    assert status == 200
    for unit in org_tree.all():
        assert unit.name in html
    _status, html = page(client, "/organisasi/pegawai/?q=dewi")
    assert "Dewi Anggraini" in html and "Sari Wulandari" not in html


def test_only_admin_manages_units_and_roles(
    admin_client_, officer_client, auditor_client, org_tree, employee
):
    assert officer_client.get("/organisasi/kelola/").status_code == 404
    assert auditor_client.get("/organisasi/kelola/").status_code == 404
    response = admin_client_.post(
        "/organisasi/kelola/",
        {
            "action": "unit",
            "unit-code": "SJ.HKM",
            "unit-name": "Biro Hukum",
            "unit-level": "eselon_2",
            "unit-parent": org_tree.root.pk,
        },
        follow=True,
    )
    assert "Unit SJ.HKM dibuat." in response.content.decode()
    assert OrgUnit.objects.get(code="SJ.HKM").parent == org_tree.root

    response = admin_client_.post(
        "/organisasi/kelola/",
        {
            "action": "unit",
            "unit-code": "SJ.X",
            "unit-name": "Salah",
            "unit-level": "eselon_1",
            "unit-parent": org_tree.root.pk,
        },
    )
    assert response.status_code == 400
    assert "Unit induk harus berada pada eselon yang lebih tinggi." in response.content.decode()

    response = admin_client_.post(
        "/organisasi/kelola/",
        {"action": "role", "role-username": "sari", "role-role": "unit_head", "role-unit": ""},
    )
    assert "Peran ini harus diberikan untuk sebuah unit." in response.content.decode()
    response = admin_client_.post(
        "/organisasi/kelola/",
        {"action": "role", "role-username": "sari", "role-role": "auditor", "role-unit": ""},
        follow=True,
    )
    assert "Peran diberikan kepada sari." in response.content.decode()
    assignment = RoleAssignment.objects.get(user=employee, role="auditor")
    assert (
        officer_client.post(f"/organisasi/kelola/peran/{assignment.pk}/cabut/").status_code == 404
    )
    # without JavaScript the first POST answers with a confirmation page and removes nothing
    response = admin_client_.post(f"/organisasi/kelola/peran/{assignment.pk}/cabut/")
    assert "Cabut peran Auditor dari sari?" in response.content.decode()
    assert 'name="confirmed" value="1"' in response.content.decode()
    assert RoleAssignment.objects.filter(pk=assignment.pk).exists()
    response = admin_client_.post(
        f"/organisasi/kelola/peran/{assignment.pk}/cabut/", {"confirmed": "1"}, follow=True
    )
    assert "Peran sari dicabut." in response.content.decode()
    assert not RoleAssignment.objects.filter(pk=assignment.pk).exists()


def csv_upload(name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="text/csv")


def test_import_pages_preview_then_confirm(officer_client, officer, org_tree, client_as, auditor):
    content = (
        b"nip,nama,kode_unit,jabatan,email\n"
        b"198503152010121001,Andi Saputra,SJ.KPP.HM,Pranata Humas,andi@contoh.go.id\n"
        b"198503152010121000,Budi Santoso,SJ.KPP,,budi@contoh.go.id\n"
    )
    response = officer_client.post(
        "/organisasi/impor/", {"file": csv_upload("pegawai.csv", content)}
    )
    assert response.status_code == 302
    preview_url = response["Location"]
    _status, html = page(officer_client, preview_url)
    assert "Pratinjau: belum ada data yang ditulis." in html
    assert "1 baru, 0 diperbarui, 0 tidak berubah, 1 ditolak." in html
    assert "Nomor urut pada NIP tidak boleh 000." in html
    assert not Employee.objects.filter(nip="198503152010121001").exists()
    # someone else cannot open the pending batch
    assert client_as(auditor).get(preview_url).status_code == 404

    response = officer_client.post(preview_url, {"mode": "all_or_nothing"}, follow=True)
    assert (
        "Tidak ada yang diimpor: 1 baris ditolak dan Anda memilih semua atau tidak sama sekali. "
        "Perbaiki berkasnya lalu unggah lagi."
    ) in response.content.decode()
    assert not Employee.objects.filter(nip="198503152010121001").exists()

    response = officer_client.post(preview_url, {"mode": "valid_only"}, follow=True)
    html = response.content.decode()
    assert "Impor selesai: 1 pegawai baru, 0 diperbarui, 0 tidak berubah, 1 baris ditolak." in html
    assert "Berkas ini sudah diimpor." in html
    assert Employee.objects.get(nip="198503152010121001").unit == org_tree.kpp_media


def test_import_page_shows_file_errors(officer_client, settings):
    response = officer_client.post(
        "/organisasi/impor/", {"file": csv_upload("pegawai.txt", b"halo")}
    )
    assert response.status_code == 400
    assert "Berkas harus berformat CSV atau XLSX." in response.content.decode()
    settings.BIJAK_IMPORT_MAX_BYTES = 1024
    response = officer_client.post(
        "/organisasi/impor/", {"file": csv_upload("pegawai.csv", b"x" * 4096)}
    )
    assert "Berkas terlalu besar (4 KB); batasnya 1 KB." in response.content.decode()
    response = officer_client.post("/organisasi/impor/", {})
    assert "Pilih berkas yang akan diunggah." in response.content.decode()


def test_admin_edits_a_unit_others_get_404(admin_client_, unit_head_client, org_tree):
    url = f"/organisasi/unit/{org_tree.keu.pk}/ubah/"
    assert unit_head_client.get(url).status_code == 404
    assert (
        "Ubah unit"
        not in unit_head_client.get(f"/organisasi/unit/{org_tree.keu.pk}/").content.decode()
    )
    assert admin_client_.get(url).status_code == 200
    response = admin_client_.post(
        url, {"name": "Biro Keuangan", "level": "eselon_2", "parent": org_tree.root.pk}, follow=True
    )
    assert "Unit SJ.KEU diperbarui." in response.content.decode()
    org_tree.keu.refresh_from_db()
    assert org_tree.keu.name == "Biro Keuangan"
    response = admin_client_.post(
        url, {"name": "Biro Keuangan", "level": "eselon_2", "parent": org_tree.keu_budget.pk}
    )
    assert response.status_code == 400
    assert "Unit induk harus berada pada eselon yang lebih tinggi." in response.content.decode()


def test_unit_list_takes_a_fixed_number_of_queries(
    officer_client, org_tree, employee, colleague, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        officer_client.get("/organisasi/")
    with django_assert_max_num_queries(12):
        officer_client.get("/organisasi/pegawai/")


def test_import_preview_shows_what_changes(officer_client, employee):
    content = (
        b"nip,nama,kode_unit,jabatan,email\n"
        b"199004122015032001,Sari Wulandari,SJ.KEU.AG.1,Analis Anggaran Ahli,sari@contoh.go.id\n"
    )
    response = officer_client.post(
        "/organisasi/impor/", {"file": csv_upload("pegawai.csv", content)}, follow=True
    )
    assert "<li>Jabatan: Analis Anggaran → Analis Anggaran Ahli</li>" in response.content.decode()


def test_import_template_reads_back_as_one_valid_header(officer_client, employee_client):
    assert employee_client.get("/organisasi/impor/templat.csv").status_code == 404
    response = officer_client.get("/organisasi/impor/templat.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().splitlines()[0] == "nip,nama,kode_unit,jabatan,email"
    response = officer_client.post(
        "/organisasi/impor/", {"file": csv_upload("t.csv", response.content)}, follow=True
    )
    html = response.content.decode()
    assert "Kode unit KODE.UNIT tidak dikenal." in html
    html = officer_client.get("/organisasi/impor/").content.decode()
    assert "Unggahan terakhir Anda" in html and "t.csv" in html


def test_officer_edits_an_employee_others_cannot(
    officer_client, unit_head_client, employee, org_tree
):
    url = f"/organisasi/pegawai/{employee.employee.pk}/ubah/"
    assert unit_head_client.get(url).status_code == 404
    response = officer_client.post(
        url,
        {
            "name": "Sari Wulandari",
            "unit": org_tree.keu_budget.pk,
            "position": "Analis Anggaran Ahli",
            "email": "bukan-email",
        },
    )
    assert response.status_code == 400
    assert "Alamat e-mail tidak sah." in response.content.decode()
    response = officer_client.post(
        url,
        {
            "name": "Sari Wulandari",
            "unit": org_tree.keu_budget.pk,
            "position": "Analis Anggaran Ahli",
            "email": "sari@contoh.go.id",
        },
        follow=True,
    )
    assert "Data pegawai 199004122015032001 disimpan." in response.content.decode()
    employee.employee.refresh_from_db()
    assert employee.employee.unit == org_tree.keu_budget
    from bijak.site.audit.models import AuditEntry

    entry = AuditEntry.objects.get(action="employee.update")
    assert entry.data["changes"] == {
        "kode_unit": {"before": "SJ.KEU.AG.1", "after": "SJ.KEU.AG"},
        "jabatan": {"before": "Analis Anggaran", "after": "Analis Anggaran Ahli"},
    }


def test_admin_switches_an_account_off_and_the_person_cannot_log_in(
    admin_client_, officer_client, employee, client, persona_password
):
    url = f"/organisasi/pegawai/{employee.employee.pk}/akun/"
    assert officer_client.post(url, {"active": "0"}).status_code == 404
    response = admin_client_.post(url, {"active": "0"})
    assert "Nonaktifkan akun sari?" in response.content.decode()  # asks first
    response = admin_client_.post(url, {"active": "0", "confirmed": "1"}, follow=True)
    assert (
        "Akun sari dinonaktifkan; pemiliknya tidak dapat masuk lagi." in response.content.decode()
    )
    response = client.post("/akun/masuk/", {"username": "sari", "password": persona_password})
    assert response.status_code == 200
    response = admin_client_.post(url, {"active": "1"}, follow=True)
    assert "Akun sari diaktifkan." in response.content.decode()
    assert (
        client.post("/akun/masuk/", {"username": "sari", "password": persona_password}).status_code
        == 302
    )


def test_admin_cannot_switch_off_their_own_account(admin_client_, admin):
    assert (
        admin_client_.post(
            f"/organisasi/pegawai/{admin.employee.pk}/akun/", {"active": "0"}
        ).status_code
        == 404
    )


def test_a_file_with_no_valid_row_offers_no_confirm_button(officer_client, org_tree):
    content = b"nip,nama,kode_unit,jabatan,email\n123,Salah,SJ.KPP,,x@contoh.go.id\n"
    response = officer_client.post(
        "/organisasi/impor/", {"file": csv_upload("p.csv", content)}, follow=True
    )
    html = response.content.decode()
    assert "Tidak ada baris yang sah untuk diimpor. Perbaiki berkasnya lalu unggah lagi." in html
    assert "Konfirmasi impor" not in html


def test_staff_search_with_control_characters_is_refused_clearly(
    officer_client, employee, client_as, admin
):
    response = officer_client.get("/organisasi/pegawai/?q=Sari%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert (
        "Teks pencarian berisi karakter kendali yang tidak diizinkan; pencarian diabaikan." in html
    )
    assert "Sari Wulandari" in html
    english = client_as(admin)
    english.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = english.get("/organisasi/pegawai/?q=%01").content.decode()
    assert (
        "The search text contains control characters that are not allowed; the search was ignored."
        in html
    )
