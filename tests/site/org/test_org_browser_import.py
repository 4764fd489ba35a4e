"""In Chromium: an officer uploads an employee CSV, reads the preview and confirms it."""

import re

import pytest

from bijak.site.org.models import Employee

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSV = (
    b"nip,nama,kode_unit,jabatan,email\n"
    b"198503152010121001,Andi Saputra,SJ.KPP.HM,Pranata Humas,andi@contoh.go.id\n"
    b"198503152010121001,Andi Kembar,SJ.KPP.HM,Pranata Humas,andi2@contoh.go.id\n"
)


def test_officer_imports_employees_in_the_browser(browser_page, officer, persona_password):
    page = browser_page
    page.goto("/akun/masuk/?next=/organisasi/impor/")
    page.get_by_label("Nama pengguna").fill("rina")
    page.get_by_label("Kata sandi").fill(persona_password)
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r"/organisasi/impor/$"))

    page.get_by_label("Berkas pegawai (CSV atau XLSX)").set_input_files(
        {"name": "pegawai.csv", "mimeType": "text/csv", "buffer": CSV}
    )
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    page.wait_for_url(re.compile(r"/organisasi/impor/\d+/$"))
    assert (
        page.locator("#import-counts").inner_text()
        == "1 baru, 0 diperbarui, 0 tidak berubah, 1 ditolak."
    )
    assert (
        page.locator("tr.row-rejected")
        .inner_text()
        .count("NIP 198503152010121001 sudah muncul di baris 2.")
        == 1
    )
    assert not Employee.objects.filter(nip="198503152010121001").exists()

    page.get_by_label("Impor baris yang sah saja; baris yang ditolak dilewati").check()
    page.get_by_role("button", name="Konfirmasi impor").click()
    assert page.get_by_role("status").first.inner_text() == (
        "Impor selesai: 1 pegawai baru, 0 diperbarui, 0 tidak berubah, 1 baris ditolak."
    )
    assert Employee.objects.get(nip="198503152010121001").name == "Andi Saputra"
