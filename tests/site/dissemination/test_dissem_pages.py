"""The pages through the test client, persona by persona: heads manage only their subtree,
employees see only their own link, auditors read everything and change nothing."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from tests.site.conftest import make_person
from tests.site.dissemination import dissem_fixtures as fx

from bijak.site.audit.models import AuditEntry
from bijak.site.dissemination.models import (
    Acknowledgement,
    Assignment,
    Campaign,
    HeadConfirmation,
    QuizAttempt,
)

# the app's fixtures (see dissem_fixtures.py)
policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_head_starts_a_campaign_over_own_unit_only(
    org_tree: Any,
    employee: Any,
    colleague: Any,
    unit_head_client: Client,
    policy_version: Any,
    quiz_bank: int,
    today: dt.date,
) -> None:
    form = {
        "title": "Sosialisasi Biro Keuangan",
        "start_date": today.isoformat(),
        "due_date": (today + dt.timedelta(days=30)).isoformat(),
        "joiner_days": "14",
        "question_count": "10",
        "pass_mark": "80",
        "target_percent": "95",
    }
    refused = unit_head_client.post("/sosialisasi/baru/", {**form, "units": [org_tree.kpp.pk]})
    assert refused.status_code == 400
    assert not Campaign.objects.exists()
    bad_dates = unit_head_client.post(
        "/sosialisasi/baru/",
        {
            **form,
            "units": [org_tree.keu.pk],
            "due_date": (today - dt.timedelta(days=1)).isoformat(),
        },
    )
    assert bad_dates.status_code == 400
    assert "Tenggat tidak boleh sebelum tanggal mulai." in bad_dates.content.decode()
    done = unit_head_client.post("/sosialisasi/baru/", {**form, "units": [org_tree.keu.pk]})
    assert done.status_code == 302
    campaign = Campaign.objects.get()
    assert set(
        Assignment.objects.filter(campaign=campaign).values_list("employee_name", flat=True)
    ) == {"Sari Wulandari", "Bambang Hartono"}


def test_head_sees_only_own_subtree_of_an_organisation_wide_campaign(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    colleague: Any,
    officer: Any,
    unit_head_client: Client,
    officer_client: Client,
    campaign_over: Any,
) -> None:
    campaign = campaign_over(org_tree.root, actor=officer)
    page = unit_head_client.get(f"/sosialisasi/{campaign.pk}/").content.decode()
    assert "SJ.KEU.AG.1" in page and "SJ.KPP" not in page
    csv_rows = (
        unit_head_client.get(f"/sosialisasi/{campaign.pk}/cakupan.csv")
        .content.decode()
        .splitlines()
    )
    assert csv_rows[0].startswith("unit_code,unit_name,in_scope,acknowledged,passed,overdue")
    assert {r.split(",")[0] for r in csv_rows[1:]} == {"SJ.KEU", "SJ.KEU.AG", "SJ.KEU.AG.1"}
    officer_rows = officer_client.get(f"/sosialisasi/{campaign.pk}/cakupan.csv").content.decode()
    assert "SJ.KPP.HM.1" in officer_rows and officer_rows.startswith("unit_code")
    assert "<svg" in page and "coverage-chart" in page
    pdf = unit_head_client.get(f"/sosialisasi/{campaign.pk}/cakupan.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF-") and len(pdf.content) > 2000


def test_personal_link_opens_only_for_its_owner(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    employee_client: Client,
    unit_head_client: Client,
    campaign_over: Any,
) -> None:
    campaign = campaign_over(org_tree.keu)
    mine = Assignment.objects.get(campaign=campaign, employee__user=employee)
    assert employee_client.get(f"/sosialisasi/tugas/{mine.token}/").status_code == 200
    assert unit_head_client.get(f"/sosialisasi/tugas/{mine.token}/").status_code == 404
    assert employee_client.get("/sosialisasi/tugas/not-a-token/").status_code == 404
    # an employee reads no campaign's coverage, not even their own unit's
    assert employee_client.get(f"/sosialisasi/{campaign.pk}/").status_code == 404


def test_auditor_reads_everything_and_changes_nothing(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    auditor_client: Client,
    outsider_client: Client,
    campaign_over: Any,
) -> None:
    campaign = campaign_over(org_tree.keu, actor=unit_head)
    assert auditor_client.get(f"/sosialisasi/{campaign.pk}/").status_code == 200
    assert auditor_client.get(f"/sosialisasi/{campaign.pk}/cakupan.pdf").status_code == 200
    before = AuditEntry.objects.count()
    for url, data in [
        (f"/sosialisasi/{campaign.pk}/konfirmasi/{org_tree.keu.pk}/", {"mode": "online"}),
        (f"/sosialisasi/{campaign.pk}/tutup/", {}),
        (
            "/sosialisasi/perubahan-kebijakan/",
            {"version": campaign.policy_version_id, "material": "1"},
        ),
    ]:
        assert auditor_client.post(url, data).status_code == 404, url
        assert outsider_client.post(url, data).status_code == 404, url
    assert auditor_client.get("/sosialisasi/baru/").status_code == 404
    assert outsider_client.get(f"/sosialisasi/{campaign.pk}/").status_code == 404
    assert AuditEntry.objects.count() == before
    assert not HeadConfirmation.objects.exists()


def test_head_records_an_in_person_session_and_acknowledges_staff_without_account(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    unit_head_client: Client,
    campaign_over: Any,
    today: dt.date,
    settings: Any,
    tmp_path: Any,
) -> None:
    settings.MEDIA_ROOT = tmp_path
    from bijak.site.org.services import employee_create

    no_account = employee_create(
        actor=None,
        nip="198001012006041001",
        name="Siti Aminah",
        unit=org_tree.keu_budget,
        position="Staf",
    )
    campaign = campaign_over(org_tree.keu, actor=unit_head)
    url = f"/sosialisasi/{campaign.pk}/konfirmasi/{org_tree.keu.pk}/"
    base = {"mode": "in_person", "session_date": today.isoformat(), "place": "Aula Biro Keuangan"}
    not_pdf = unit_head_client.post(
        url,
        {
            **base,
            "attendance_file": SimpleUploadedFile(
                "hadir.docx", b"PK\x03\x04 not a pdf", content_type="application/pdf"
            ),
        },
    )
    assert not_pdf.status_code == 400
    assert (
        "Daftar hadir harus berupa berkas PDF atau gambar (PNG, JPEG)." in not_pdf.content.decode()
    )
    too_big = unit_head_client.post(
        url,
        {
            **base,
            "attendance_file": SimpleUploadedFile(
                "hadir.pdf", PDF + b"0" * (5 * 1024 * 1024), content_type="application/pdf"
            ),
        },
    )
    assert "Daftar hadir terlalu besar: paling besar 5 MB." in too_big.content.decode()
    no_list = unit_head_client.post(url, base)
    assert "Lampirkan daftar hadir" in no_list.content.decode()
    assert not HeadConfirmation.objects.exists()
    ok = unit_head_client.post(
        url,
        {
            **base,
            "attendees": [no_account.pk],
            "attendance_file": SimpleUploadedFile("hadir.pdf", PDF),
        },
    )
    assert ok.status_code == 302
    confirmation = HeadConfirmation.objects.get()
    assert confirmation.mode == "in_person" and confirmation.place == "Aula Biro Keuangan"
    ack = Acknowledgement.objects.get()
    assert ack.on_behalf and ack.recorded_by == unit_head and ack.session == confirmation
    assert ack.assignment.employee == no_account
    page = unit_head_client.get(f"/sosialisasi/{campaign.pk}/").content.decode()
    assert "tatap muka" in page and "daftar hadir" in page
    download = unit_head_client.get(f"/sosialisasi/berkas/{confirmation.pk}/daftar-hadir/")
    assert b"".join(download.streaming_content) == PDF  # type: ignore[attr-defined]
    again = unit_head_client.post(url, {"mode": "online"})
    assert "Sosialisasi di unit ini sudah dikonfirmasi." in again.content.decode()


def test_employee_fails_the_quiz_sees_missed_clauses_passes_and_acknowledges(
    org_tree: Any, employee: Any, employee_client: Client, campaign_over: Any, answer_all: Any
) -> None:
    campaign = campaign_over(org_tree.keu)
    token = Assignment.objects.get(campaign=campaign, employee__user=employee).token
    quiz = employee_client.get(f"/sosialisasi/tugas/{token}/kuis/")
    attempt = QuizAttempt.objects.get()
    assert quiz.content.decode().count('type="radio"') == 30
    wrong = {f"q-{k}": v for k, v in answer_all(attempt, right=False).items()}
    result = employee_client.post(
        f"/sosialisasi/tugas/{token}/kuis/", {"attempt": attempt.pk, **wrong}, follow=True
    )
    body = result.content.decode()
    assert "belum lulus" in body and 'href="/kebijakan/B.1/"' in body
    twice = employee_client.post(
        f"/sosialisasi/tugas/{token}/kuis/", {"attempt": attempt.pk, **wrong}, follow=True
    )
    assert "sudah dijawab (mungkin di tab lain)" in twice.content.decode()
    employee_client.get(f"/sosialisasi/tugas/{token}/kuis/")
    second = QuizAttempt.objects.exclude(pk=attempt.pk).get()
    right = {f"q-{k}": v for k, v in answer_all(second, right=True).items()}
    employee_client.post(f"/sosialisasi/tugas/{token}/kuis/", {"attempt": second.pk, **right})
    task = employee_client.get(f"/sosialisasi/tugas/{token}/").content.decode()
    shown_hash = re.search(r'name="text_hash" value="([0-9a-f]{64})"', task)
    assert shown_hash
    unchecked = employee_client.post(
        f"/sosialisasi/tugas/{token}/nyatakan/", {"text_hash": shown_hash.group(1), "lang": "id"}
    )
    assert (
        unchecked.status_code == 400
        and "Centang pernyataan untuk melanjutkan." in unchecked.content.decode()
    )
    done = employee_client.post(
        f"/sosialisasi/tugas/{token}/nyatakan/",
        {"text_hash": shown_hash.group(1), "lang": "id", "agree": "on"},
        follow=True,
    )
    assert "Pernyataan Anda tercatat" in done.content.decode()
    ack = Acknowledgement.objects.get()
    assert ack.text_hash == shown_hash.group(1) and ack.quiz_attempts == 2


def test_home_panels_show_the_task_and_the_late_staff(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    employee_client: Client,
    unit_head_client: Client,
    campaign_over: Any,
    today: dt.date,
) -> None:
    make_person(
        username="joko",
        full_name="Joko Santoso",
        unit=org_tree.keu_budget,
        nip="199501012020121001",
    )
    campaign_over(
        org_tree.keu,
        start_date=today - dt.timedelta(days=30),
        due_date=today - dt.timedelta(days=1),
    )
    home = employee_client.get("/").content.decode()
    assert (
        'data-panel="dissemination.acknowledge"' in home and "Sosialisasi tata tertib 2026" in home
    )
    head_home = unit_head_client.get("/").content.decode()
    assert 'data-panel="dissemination.coverage"' in head_home and "Joko Santoso" in head_home


def test_pages_and_messages_in_english(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    unit_head_client: Client,
    employee_client: Client,
    campaign_over: Any,
) -> None:
    campaign = campaign_over(org_tree.keu, actor=unit_head)
    unit_head_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    page = unit_head_client.get(f"/sosialisasi/{campaign.pk}/").content.decode()
    assert "Confirmation of dissemination by the unit head" in page and "Cakupan" not in page
    refused = unit_head_client.post(
        f"/sosialisasi/{campaign.pk}/konfirmasi/{org_tree.keu.pk}/", {"mode": "in_person"}
    )
    assert "An in-person session needs a date and a place." in refused.content.decode()
    employee_client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    token = Assignment.objects.get(campaign=campaign, employee__user=employee).token
    task = employee_client.get(f"/sosialisasi/tugas/{token}/").content.decode()
    assert "The text you acknowledge" in task
    assert "B.2. Uploading or commenting on anything containing elements of SARA" in task


def test_coverage_page_queries_do_not_grow_with_the_organisation(
    org_tree: Any, employee: Any, officer: Any, officer_client: Client, campaign_over: Any
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bijak.site.org.models import Employee

    campaign = campaign_over(org_tree.root, actor=officer)
    url = f"/sosialisasi/{campaign.pk}/"
    officer_client.get(url)
    with CaptureQueriesContext(connection) as small:
        officer_client.get(url)
    Employee.objects.bulk_create(
        [
            Employee(nip=f"{198000000000000000 + i}", name=f"Pegawai {i}", unit=unit)
            for i, unit in enumerate(org_tree.all() * 10)
        ]
    )
    from bijak.site.dissemination.services import campaign_sync

    assert campaign_sync(campaign=campaign)["added"] == 70
    with CaptureQueriesContext(connection) as large:
        officer_client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_head_manages_only_own_subtree_of_an_organisation_wide_campaign(
    org_tree: Any,
    employee: Any,
    colleague: Any,
    unit_head: Any,
    officer: Any,
    unit_head_client: Client,
    campaign_over: Any,
) -> None:
    campaign = campaign_over(org_tree.root, actor=officer)
    own = f"/sosialisasi/{campaign.pk}/konfirmasi/{org_tree.keu.pk}/"
    other = f"/sosialisasi/{campaign.pk}/konfirmasi/{org_tree.kpp.pk}/"
    assert unit_head_client.get(own).status_code == 200
    before = AuditEntry.objects.count()
    assert unit_head_client.get(other).status_code == 404
    assert unit_head_client.post(other, {"mode": "online"}).status_code == 404
    assert unit_head_client.post(f"/sosialisasi/{campaign.pk}/tutup/").status_code == 404
    assert AuditEntry.objects.count() == before
    assert unit_head_client.post(own, {"mode": "online"}).status_code == 302
    assert HeadConfirmation.objects.get().unit == org_tree.keu
    # a colleague's personal link in the other unit stays closed to the head
    token = Assignment.objects.get(campaign=campaign, employee__user=colleague).token
    assert unit_head_client.get(f"/sosialisasi/tugas/{token}/").status_code == 404
