"""Employee import: preview writes nothing, confirm writes valid rows once, errors are exact."""

import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError

from bijak.site.audit.models import AuditEntry
from bijak.site.audit.services import audit_verify
from bijak.site.org.importing import ImportFileError
from bijak.site.org.models import Employee, ImportBatch
from bijak.site.org.services import (
    ImportRefused,
    employee_import_confirm,
    employee_import_preview,
)

pytestmark = pytest.mark.django_db

HEADER = "nip,nama,kode_unit,jabatan,email\n"
NEW = "198503152010121001,Andi Saputra,SJ.KPP.HM,Pranata Humas,andi@contoh.go.id\n"
NEW2 = "199101012016012002,Maya Lestari,SJ.KEU.AG,,maya@contoh.go.id\n"
SARI_SAME = "199004122015032001,Sari Wulandari,SJ.KEU.AG.1,Analis Anggaran,sari@contoh.go.id\n"
SARI_MOVED = "199004122015032001,Sari Wulandari,SJ.KEU.AG,Analis Anggaran Ahli,sari@contoh.go.id\n"


def csv_bytes(*lines: str) -> bytes:
    return (HEADER + "".join(lines)).encode("utf-8")


def preview(officer, content: bytes, filename: str = "pegawai.csv") -> ImportBatch:
    return employee_import_preview(actor=officer, filename=filename, content=content)


def by_line(batch):
    return {r["line"]: (r["status"], r["errors"]) for r in batch.rows}


def test_preview_lists_every_row_with_status_and_writes_nothing(officer, employee):
    before = Employee.objects.count()
    batch = preview(
        officer,
        csv_bytes(
            NEW,
            SARI_MOVED,
            "199101012016012002,Maya Lestari,SJ.XYZ,,maya@contoh.go.id\n",
            "198503152010121001,Andi Lagi,SJ.KPP,,andi2@contoh.go.id\n",
            "198502302010121001,Budi,SJ.KPP,,budi@contoh\n",
            ",Tanpa NIP,SJ.KPP,,\n",
            "199201012017011003,Citra,SJ.KPP,Staf\n",
        ),
    )
    assert by_line(batch) == {
        2: ("new", []),
        3: ("update", []),
        4: ("rejected", ["Kode unit SJ.XYZ tidak dikenal."]),
        5: ("rejected", ["NIP 198503152010121001 sudah muncul di baris 2."]),
        6: (
            "rejected",
            [
                "Tanggal lahir pada NIP (19850230) bukan tanggal yang sah.",
                "Alamat e-mail budi@contoh tidak sah.",
            ],
        ),
        7: ("rejected", ["Kolom nip wajib diisi.", "Kolom email wajib diisi."]),
        8: ("rejected", ["Baris ini berisi 4 kolom, seharusnya 5.", "Kolom email wajib diisi."]),
    }
    assert batch.rows[1]["changes"] == ["kode_unit", "jabatan"]
    assert batch.rows[1]["before"] == {"kode_unit": "SJ.KEU.AG.1", "jabatan": "Analis Anggaran"}
    assert batch.status == "pending"
    assert Employee.objects.count() == before
    assert AuditEntry.objects.filter(action="employee.import_preview").count() == 1


def test_confirm_writes_valid_rows_in_one_go_and_reimport_updates(officer, employee):
    batch = preview(officer, csv_bytes(NEW, NEW2, SARI_MOVED, "123,Salah,SJ.KPP,,x@contoh.go.id\n"))
    result = employee_import_confirm(actor=officer, batch=batch)
    assert result == {"created": 2, "updated": 1, "unchanged": 0, "rejected": 1}
    andi = Employee.objects.get(nip="198503152010121001")
    assert (andi.name, andi.unit.code, andi.position) == (
        "Andi Saputra",
        "SJ.KPP.HM",
        "Pranata Humas",
    )
    sari = Employee.objects.get(nip="199004122015032001")
    assert (sari.unit.code, sari.position, sari.user) == (
        "SJ.KEU.AG",
        "Analis Anggaran Ahli",
        employee,
    )
    assert not Employee.objects.filter(name="Salah").exists()
    batch.refresh_from_db()
    assert batch.status == "applied"
    entry = AuditEntry.objects.get(action="employee.import")
    assert entry.actor == officer
    assert entry.data["created_nips"] == ["198503152010121001", "199101012016012002"]
    assert audit_verify().ok

    count = Employee.objects.count()
    again = preview(officer, csv_bytes(NEW, NEW2.replace("maya@", "maya.lestari@"), SARI_MOVED))
    assert [r["status"] for r in again.rows] == ["unchanged", "update", "unchanged"]
    assert employee_import_confirm(actor=officer, batch=again) == {
        "created": 0,
        "updated": 1,
        "unchanged": 2,
        "rejected": 0,
    }
    assert Employee.objects.count() == count
    assert Employee.objects.get(nip="199101012016012002").email == "maya.lestari@contoh.go.id"


def test_all_or_nothing_refuses_a_file_with_rejected_rows(officer, org_tree):
    batch = preview(officer, csv_bytes(NEW, "123,Salah,SJ.KPP,,x@contoh.go.id\n"))
    with pytest.raises(ImportRefused) as refused:
        employee_import_confirm(actor=officer, batch=batch, mode="all_or_nothing")
    assert str(refused.value) == (
        "Tidak ada yang diimpor: 1 baris ditolak dan Anda memilih semua atau tidak sama sekali. "
        "Perbaiki berkasnya lalu unggah lagi."
    )
    assert not Employee.objects.filter(nip="198503152010121001").exists()
    batch.refresh_from_db()
    assert batch.status == "pending"


def test_a_batch_is_confirmed_only_once(officer, org_tree):
    batch = preview(officer, csv_bytes(NEW))
    employee_import_confirm(actor=officer, batch=batch, mode="all_or_nothing")
    with pytest.raises(ValidationError) as error:
        employee_import_confirm(actor=officer, batch=batch)
    assert error.value.messages == ["Impor ini sudah diproses; unggah berkasnya lagi bila perlu."]
    assert Employee.objects.filter(nip="198503152010121001").count() == 1


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("pegawai.csv", b"", "Berkas kosong."),
        ("pegawai.csv", b"\n \n", "Berkas kosong."),
        ("pegawai.pdf", b"%PDF-1.4", "Berkas harus berformat CSV atau XLSX."),
        (
            "pegawai.XLS",
            b"\xd0\xcf\x11\xe0",
            'Berkas .xls tidak didukung; simpan ulang sebagai XLSX atau "CSV UTF-8".',
        ),
        ("pegawai.csv", b"\x00\x01\x02binary", "Berkas ini bukan CSV teks; isinya data biner."),
        (
            "pegawai.csv",
            HEADER.encode() + b"198503152010121001,Jos\xe9,SJ.KPP,,a@contoh.go.id\n",
            "Berkas CSV bukan UTF-8: byte 0xE9 pada baris 2, posisi 23 tidak dapat dibaca. "
            'Simpan ulang berkas sebagai "CSV UTF-8".',
        ),
        (
            "pegawai.csv",
            b"198503152010121001,Andi,SJ.KPP,,a@contoh.go.id\n",
            "Baris pertama harus berisi judul kolom: nip, nama, kode_unit, jabatan, email.",
        ),
        (
            "pegawai.csv",
            b"nip,nama,jabatan\n198503152010121001,Andi,Staf\n",
            "Kolom wajib tidak ada: kode_unit, email.",
        ),
        (
            "pegawai.csv",
            b"nip,nama,kode_unit,email,golongan\n",
            "Kolom tidak dikenal: golongan. Kolom yang diterima: nip, nama, kode_unit, jabatan, email.",
        ),
        ("pegawai.csv", HEADER.encode(), "Berkas tidak berisi baris data di bawah judul kolom."),
        (
            "pegawai.xlsx",
            b"not a zip at all",
            "Berkas XLSX tidak dapat dibuka: berkasnya rusak atau bukan XLSX.",
        ),
    ],
)
def test_file_level_errors(officer, filename, content, message):
    with pytest.raises(ImportFileError) as error:
        preview(officer, content, filename)
    assert error.value.message == message
    assert ImportBatch.objects.count() == 0


def test_too_large_file_is_refused(officer, settings):
    settings.BIJAK_IMPORT_MAX_BYTES = 2 * 1024 * 1024
    content = csv_bytes(NEW) + b"#" * (3 * 1024 * 1024)
    with pytest.raises(ImportFileError) as error:
        preview(officer, content)
    assert error.value.message == "Berkas terlalu besar (3.0 MB); batasnya 2.0 MB."


def test_a_picture_renamed_to_xlsx_is_refused_clearly(officer):
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(ImportFileError) as error:
        preview(officer, png, "pegawai.xlsx")
    assert error.value.message == "Berkas XLSX tidak dapat dibuka: berkasnya rusak atau bukan XLSX."
    assert ImportBatch.objects.count() == 0


def test_an_xlsx_that_unpacks_to_far_more_than_the_limit_is_refused_unread(officer, settings):
    import zipfile

    settings.BIJAK_IMPORT_MAX_BYTES = 100 * 1024
    buffer = io.BytesIO(xlsx([["nip", "nama", "kode_unit", "jabatan", "email"]]))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (3 * 1024 * 1024))
    content = buffer.getvalue()
    assert len(content) < 100 * 1024
    with pytest.raises(ImportFileError) as error:
        preview(officer, content, "pegawai.xlsx")
    assert error.value.message == (
        "Isi berkas XLSX terlalu besar setelah dibuka (3.0 MB); batasnya 2.4 MB."
    )
    assert ImportBatch.objects.count() == 0


def test_semicolon_csv_with_bom_and_aliases(officer, org_tree):
    content = (
        "\ufeffNIP;Nama;Kode Unit;Jabatan;E-mail\n"
        "198503152010121001;Andi Saputra;SJ.KPP;;andi@contoh.go.id\n"
    ).encode()
    batch = preview(officer, content)
    assert batch.rows[0]["status"] == "new"
    assert batch.rows[0]["data"]["kode_unit"] == "SJ.KPP"


def xlsx(rows) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_xlsx_is_read_and_a_numeric_nip_that_lost_digits_is_rejected(officer, org_tree):
    content = xlsx(
        [
            ["NIP", "Nama", "Kode Unit", "Jabatan", "Email"],
            ["198503152010121001", "Andi Saputra", "SJ.KPP", "Staf", "andi@contoh.go.id"],
            [199101012016012002.0, "Maya Lestari", "SJ.KEU", None, "maya@contoh.go.id"],
            [None, None, None, None, None],
        ]
    )
    batch = preview(officer, content, "pegawai.xlsx")
    assert by_line(batch) == {
        2: ("new", []),
        3: (
            "rejected",
            [
                "NIP tersimpan sebagai angka di Excel sehingga digit terakhirnya hilang; "
                "format kolom NIP sebagai teks."
            ],
        ),
    }


def test_unit_head_scope_is_enforced_for_scoped_importers(unit_head, org_tree):
    # a unit head cannot reach SJ.KPP: its code reads as unknown, not as "forbidden"
    from bijak.site.org.services import role_assign

    role_assign(actor=None, user=unit_head, role="officer", unit=org_tree.keu)
    batch = preview(unit_head, csv_bytes(NEW, NEW2))
    assert by_line(batch) == {
        2: ("rejected", ["Kode unit SJ.KPP.HM tidak dikenal."]),
        3: ("new", []),
    }


def test_an_xlsx_whose_sheet_is_cut_off_is_refused_clearly(officer, org_tree):
    import zipfile

    good = xlsx(
        [
            ["nip", "nama", "kode_unit", "jabatan", "email"],
            ["198503152010121001", "Andi Saputra", "SJ.KPP", "Staf", "andi@contoh.go.id"],
        ]
    )
    source = zipfile.ZipFile(io.BytesIO(good))
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in source.namelist():
            data = source.read(name)
            archive.writestr(name, data[:200] if name == "xl/worksheets/sheet1.xml" else data)
    with pytest.raises(ImportFileError) as error:
        preview(officer, broken.getvalue(), "pegawai.xlsx")
    assert error.value.message == "Berkas XLSX tidak dapat dibuka: berkasnya rusak atau bukan XLSX."
    assert (
        ImportBatch.objects.count() == 0
        and Employee.objects.filter(nip="198503152010121001").count() == 0
    )
