"""Opening a case from a confirmed flag or a complaint; the superior told over real SMTP; the
mail server down (written by the bijak authors)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from cases_helpers import open_case
from django.test import Client
from django.utils import timezone

from bijak.site.cases.models import Case
from bijak.site.notifications.models import Notification


def _flag(officer: Any, employee: Any, status: str) -> Any:
    from bijak.site.monitoring.models import Account, Flag, Post

    account = Account.objects.create(
        employee=employee.employee, platform="x", handle="sari_sehat", registered_by=officer
    )
    post = Post.objects.create(
        account=account,
        key="p1",
        content_hash="0" * 64,
        text="teks unggahan lengkap yang tidak ikut ke perkara",
    )
    return Flag.objects.create(
        post=post,
        verdict="langgar",
        severity=2,
        clause_ids=["B.2"],
        evidence=[{"category": "ujaran", "text": "kata pemicu"}],
        status=status,
    )


@pytest.mark.django_db(transaction=True)
def test_from_a_confirmed_flag_the_superior_gets_an_email(
    officer_client: Client,
    officer: Any,
    employee: Any,
    unit_head: Any,
    smtp_server: Any,
    immediate_tasks: None,
) -> None:
    flag = _flag(officer, employee, "confirmed")
    response = officer_client.post("/perkara/baru/", {"flag": str(flag.pk)})
    assert response.status_code == 302, response.content.decode()[:400]
    case = Case.objects.get()
    assert (case.source, case.source_ref, case.clauses) == ("flag", str(flag.pk), ["B.2"])
    evidence = bytes(case.files.get().data).decode()
    assert "kata pemicu" in evidence and "teks unggahan lengkap" not in evidence  # masked
    smtp_server.wait(1)
    recipients, message = smtp_server.messages[0]
    assert recipients == [unit_head.email]
    assert message["Subject"] == f"Perkara disiplin {case.number}: tindakan Anda diperlukan"
    body = message.get_payload(decode=True).decode()
    assert case.deadline.isoformat() in body and "Pasal 26" in body


def test_an_unconfirmed_flag_is_refused(
    officer_client: Client, officer: Any, employee: Any
) -> None:
    flag = _flag(officer, employee, "open")
    response = officer_client.post("/perkara/baru/", {"flag": str(flag.pk)})
    assert response.status_code == 400
    assert "Hanya temuan yang sudah dikonfirmasi" in response.content.decode(), re.findall(
        r"alert.{0,300}", response.content.decode(), re.S
    )
    assert not Case.objects.exists()


def test_from_a_complaint_about_a_staff_member(officer: Any, employee: Any, unit_head: Any) -> None:
    from bijak.site.cases.services import case_open_from_complaint
    from bijak.site.complaints.models import Complaint

    now = timezone.now()
    complaint = Complaint.objects.create(
        ticket="ADU-TEST-1",
        key_hash="0" * 64,
        kind="hoaks",
        created_at=now,
        updated_at=now,
        employee=employee.employee,
    )
    case = case_open_from_complaint(actor=officer, complaint=complaint, clauses=["B.1"])
    assert (case.source, case.source_ref) == ("complaint", "ADU-TEST-1")


@pytest.mark.django_db(transaction=True)
def test_mail_server_down_the_case_is_opened_and_the_mail_retried(
    officer: Any, employee: Any, unit_head: Any, settings: Any, immediate_tasks: None
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    case = open_case(officer, employee)
    note = Notification.objects.get(template="cases/superior")
    assert Case.objects.filter(pk=case.pk).exists()
    assert note.status == "queued" and note.attempts == 1 and note.last_error


@pytest.mark.django_db(transaction=True)
def test_mail_server_down_when_summons_i_is_sent(
    officer_client: Client,
    officer: Any,
    employee: Any,
    unit_head: Any,
    settings: Any,
    immediate_tasks: None,
) -> None:
    """The summons is recorded and its document made; the e-mail to the employee waits and is
    retried; the officer sees that on the case page; once the server is back it goes out."""
    import datetime as dt

    from bijak.site.notifications.services import notifications_send_due

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens there
    case = open_case(officer, employee)
    exam = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    response = officer_client.post(
        f"/perkara/{case.pk}/langkah/",
        {"transition": "summon_1", "version": 0, "examination_date": exam},
        follow=True,
    )
    assert "Langkah dicatat." in response.content.decode()
    case.refresh_from_db()
    assert case.state == "summoned_1" and case.documents.get().kind == "summons_1"
    note = Notification.objects.get(template="cases/event", recipient=employee)
    assert note.status == "queued" and note.attempts == 1 and "Error" in note.last_error
    page = officer_client.get(f"/perkara/{case.pk}/").content.decode()
    mails = page.split('data-table="mails"')[1].split("</table>")[0]
    row = next(r for r in mails.split("<tr>") if "Sari Wulandari" in r)
    assert "Kirim Surat Panggilan I" in row and "belum terkirim, dicoba lagi" in row

    # the server is back: the sweep sends what is due
    import socket

    from aiosmtpd.controller import Controller

    from conftest import Inbox

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    server = Controller(inbox, hostname="127.0.0.1", port=port)
    server.start()
    try:
        settings.EMAIL_PORT = port
        notifications_send_due(now=note.next_attempt_at + dt.timedelta(seconds=1))
        inbox.wait(2)  # the superior's notice, also held back, and the summons notice
    finally:
        server.stop()
    assert sorted(m[0][0] for m in inbox.messages) == [unit_head.email, employee.email]
    note.refresh_from_db()
    assert note.status == "sent" and note.attempts == 2
    page = officer_client.get(f"/perkara/{case.pk}/").content.decode()
    row = next(
        r for r in page.split('data-table="mails"')[1].split("<tr>") if "Sari Wulandari" in r
    )
    assert "terkirim" in row and "dicoba lagi" not in row
