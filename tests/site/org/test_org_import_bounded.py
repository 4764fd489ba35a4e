"""Long import work out of write transactions (issue 8, defect 3): the file is parsed and
checked outside any transaction, rows are written in bounded transactions, and the preview page
shows one page of rows, not the whole file."""

from __future__ import annotations

import pytest
from django.db import connection

from bijak.site.audit.models import AuditEntry
from bijak.site.audit.services import audit_verify
from bijak.site.org import services
from bijak.site.org.models import Employee, ImportBatch

HEADER = "nip,nama,kode_unit,jabatan,email\n"


def many_rows(count: int) -> bytes:
    """`count` valid new employees in SJ.KPP (NIPs differ in their sequence and TMT month)."""
    lines = [
        f"19900101{2015 + n // 999:04d}011{n % 999 + 1:03d},Pegawai {n},SJ.KPP,,p{n}@contoh.go.id\n"
        for n in range(count)
    ]
    return (HEADER + "".join(lines)).encode()


@pytest.mark.django_db(transaction=True)
def test_preview_parses_and_checks_outside_any_transaction(officer, monkeypatch):
    """On SQLite every transaction holds the write lock: parsing inside one blocked all writers."""
    seen: list[bool] = []
    real_check_rows = services.check_rows

    def observed_check_rows(rows, *, unit_codes):
        seen.append(connection.in_atomic_block)
        return real_check_rows(rows, unit_codes=unit_codes)

    monkeypatch.setattr(services, "check_rows", observed_check_rows)
    batch = services.employee_import_preview(actor=officer, filename="p.csv", content=many_rows(3))
    assert seen == [False]
    assert [r["status"] for r in batch.rows] == ["new"] * 3
    assert (
        AuditEntry.objects.filter(action="employee.import_preview", target_id=batch.pk).count() == 1
    )


@pytest.mark.django_db(transaction=True)
def test_confirm_writes_in_bounded_transactions_each_audited(officer, settings, monkeypatch):
    settings.BIJAK_IMPORT_WRITE_BATCH = 40
    batch = services.employee_import_preview(
        actor=officer, filename="p.csv", content=many_rows(100)
    )
    sizes: list[tuple[int, bool]] = []
    real_chunk = services._import_write_chunk

    def observed_chunk(**kwargs):
        assert not connection.in_atomic_block  # each chunk is its own transaction
        sizes.append(
            (len(kwargs["rows"]), ImportBatch.objects.get(pk=batch.pk).status == "applying")
        )
        return real_chunk(**kwargs)

    monkeypatch.setattr(services, "_import_write_chunk", observed_chunk)
    result = services.employee_import_confirm(actor=officer, batch=batch)
    assert result == {"created": 100, "updated": 0, "unchanged": 0, "rejected": 0}
    assert sizes == [(40, True), (40, True), (20, True)]
    chunks = AuditEntry.objects.filter(action="employee.import_rows", target_id=batch.pk).order_by(
        "seq"
    )
    assert [len(e.data["created_nips"]) for e in chunks] == [40, 40, 20]
    assert Employee.objects.filter(unit__code="SJ.KPP").count() == 100 + 1  # and the officer
    assert ImportBatch.objects.get(pk=batch.pk).status == "applied"
    assert audit_verify().ok


@pytest.mark.django_db(transaction=True)
def test_a_failed_chunk_returns_the_batch_to_pending_and_a_retry_finishes_it(
    officer, settings, monkeypatch
):
    settings.BIJAK_IMPORT_WRITE_BATCH = 10
    batch = services.employee_import_preview(actor=officer, filename="p.csv", content=many_rows(30))
    real_chunk = services._import_write_chunk
    calls = []

    def failing_second(**kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("mail server down")  # any failure between chunks
        return real_chunk(**kwargs)

    monkeypatch.setattr(services, "_import_write_chunk", failing_second)
    with pytest.raises(RuntimeError):
        services.employee_import_confirm(actor=officer, batch=batch)
    assert ImportBatch.objects.get(pk=batch.pk).status == "pending"
    assert Employee.objects.filter(name__startswith="Pegawai ").count() == 10
    result = services.employee_import_confirm(actor=officer, batch=batch)
    assert result == {"created": 20, "updated": 0, "unchanged": 10, "rejected": 0}
    assert Employee.objects.filter(name__startswith="Pegawai ").count() == 30


@pytest.mark.django_db
def test_preview_page_shows_one_page_of_rows(officer, officer_client, settings):
    settings.BIJAK_IMPORT_PREVIEW_PAGE = 25
    batch = services.employee_import_preview(actor=officer, filename="p.csv", content=many_rows(60))
    first = officer_client.get(f"/organisasi/impor/{batch.pk}/")
    html = first.content.decode()
    assert first.status_code == 200
    assert html.count('<tr class="row-new">') == 25
    assert "Halaman 1 dari 3" in html and "60 baru, 0 diperbarui" in html
    last = officer_client.get(f"/organisasi/impor/{batch.pk}/?halaman=3").content.decode()
    assert last.count('<tr class="row-new">') == 10
    assert "Pegawai 59" in last and "Pegawai 0<" not in last
