"""The main flow in Debian's Chromium: a head starts a campaign and records an in-person
session; an employee fails the quiz once, sees the clauses missed, passes and acknowledges; the
head's coverage page and its PDF report render."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from tests.site.dissemination import dissem_fixtures as fx

from bijak.site.dissemination.models import Acknowledgement, Campaign, Question, QuizAttempt

# the app's fixtures (see dissem_fixtures.py)
policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all

PASSWORD = "bijak-test-pass"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Any, user: Any, next_url: str) -> None:
    page.goto(f"/akun/masuk/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")


def answer(page: Any, attempt: QuizAttempt, *, right: bool) -> None:
    bank = {q.key: q for q in Question.objects.filter(key__in=attempt.question_keys)}
    for key in attempt.question_keys:
        q = bank[key]
        choice = q.correct if right else (q.correct + 1) % len(q.choices)
        page.locator(f'input[name="q-{key}"][value="{choice}"]').check()
    page.get_by_role("button", name="Kirim jawaban").click()
    page.wait_for_load_state()


def test_head_starts_and_records_a_session_employee_fails_then_passes_and_acknowledges(
    browser_page: Any,
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    policy_version: Any,
    quiz_bank: int,
    tmp_path: Path,
    settings: Any,
) -> None:
    from bijak.site.org.services import employee_create

    settings.MEDIA_ROOT = tmp_path / "media"
    employee_create(
        actor=None,
        nip="198001012006041001",
        name="Siti Aminah",
        unit=org_tree.keu_budget,
        position="Staf",
    )
    page = browser_page
    log_in(page, unit_head, "/sosialisasi/baru/")
    page.get_by_label("Judul").fill("Sosialisasi Biro Keuangan 2026")
    page.get_by_label("SJ.KEU — Biro Keuangan dan Barang Milik Negara").check()
    page.get_by_role("button", name="Mulai kampanye").click()
    page.wait_for_url(re.compile(r"/sosialisasi/\d+/$"))
    assert "dimulai untuk 3 pegawai" in page.locator(".messages").inner_text()
    campaign = Campaign.objects.get()
    page.get_by_role(
        "link", name="Konfirmasi sosialisasi di Biro Keuangan dan Barang Milik Negara"
    ).click()
    page.wait_for_url("**/konfirmasi/*/")
    form = page.locator("form.confirm-form")
    form.get_by_label("tatap muka").check()
    form.get_by_label("Tanggal sesi").fill(dt.date.today().isoformat())
    form.get_by_label("Tempat").fill("Aula Biro Keuangan")
    form.get_by_label("Siti Aminah (198001012006041001) — tanpa akun").check()
    attendance = tmp_path / "daftar-hadir.pdf"
    attendance.write_bytes(PDF)
    form.get_by_label("Daftar hadir (PDF atau gambar, paling besar 5 MB)").set_input_files(
        str(attendance)
    )
    form.get_by_role("button", name="Simpan konfirmasi").click()
    page.wait_for_url(f"**/sosialisasi/{campaign.pk}/")
    assert "tercatat" in page.locator(".messages").inner_text()
    assert "tatap muka" in page.locator("table.coverage").inner_text()
    page.screenshot(path=str(tmp_path / "head-coverage-before.png"), full_page=True)

    # the employee, through their task page
    page.context.clear_cookies()
    token = campaign.assignments.get(employee__user=employee).token
    log_in(page, employee, f"/sosialisasi/tugas/{token}/")
    assert "B.2." in page.locator("#attested-text").inner_text()
    page.get_by_role("link", name="Mulai kuis").click()
    page.wait_for_url("**/kuis/")
    first = QuizAttempt.objects.get()
    answer(page, first, right=False)
    assert "belum lulus" in page.locator("#quiz-outcome").inner_text()
    missed = page.locator("a.missed-clause").all_inner_texts()
    assert "B.1" in missed and len(missed) >= 8
    page.get_by_role("link", name="Coba lagi").click()
    page.wait_for_url("**/kuis/")
    second = QuizAttempt.objects.exclude(pk=first.pk).get()
    answer(page, second, right=True)
    assert "lulus" in page.locator("#quiz-outcome").inner_text()
    page.get_by_role("link", name="Lanjut ke pernyataan").click()
    page.get_by_label(
        "Saya telah membaca dan memahami tata tertib di atas dan akan menaatinya."
    ).check()
    page.get_by_role("button", name="Nyatakan memahami").click()
    page.wait_for_load_state()
    assert "Pernyataan Anda tercatat" in page.locator(".messages").inner_text()
    shown = page.locator("#attested-hash").inner_text()
    ack = Acknowledgement.objects.get(on_behalf=False)
    assert ack.text_hash == shown and ack.quiz_attempts == 2

    # the head's coverage page and PDF
    page.context.clear_cookies()
    log_in(page, unit_head, f"/sosialisasi/{campaign.pk}/")
    text = page.locator("main").inner_text()
    assert "2 dari 3 pegawai telah menyatakan memahami" in text
    assert page.locator("svg.coverage-chart polyline").count() == 1
    page.screenshot(path=str(tmp_path / "head-coverage.png"), full_page=True)
    pdf = page.request.get(f"/sosialisasi/{campaign.pk}/cakupan.pdf")
    assert pdf.ok and pdf.headers["content-type"] == "application/pdf"
    (tmp_path / "cakupan.pdf").write_bytes(pdf.body())
    assert pdf.body().startswith(b"%PDF-")
