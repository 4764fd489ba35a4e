"""Reminders and escalation over a simulated month (the day is passed in; nothing sleeps), and
one reminder through the real SMTP server on loopback."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from tests.site.conftest import make_person
from tests.site.dissemination import dissem_fixtures as fx

from bijak.site.dissemination.models import Reminder
from bijak.site.dissemination.schedule import reminder_kind
from bijak.site.dissemination.services import reminders_run

# the app's fixtures (see dissem_fixtures.py)
policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all


def test_schedule_milestones_then_weekly_while_overdue() -> None:
    start, due = dt.date(2026, 1, 1), dt.date(2026, 1, 20)
    sent: set[str] = set()
    last: dt.date | None = None
    days = []
    for offset in range(45):
        today = start + dt.timedelta(days=offset)
        kind = reminder_kind(today=today, start=start, due=due, sent_kinds=sent, last_sent=last)
        if kind:
            sent.add(kind)
            last = today
            days.append(((today - due).days, kind))
    assert days == [
        (-19, "start"),
        (-7, "7d"),
        (-1, "1d"),
        (0, "due"),
        (7, "overdue"),
        (14, "overdue"),
        (21, "overdue"),
    ]


def test_a_month_of_daily_runs_sends_at_most_one_message_a_day_per_person(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    campaign_over: Any,
    today: dt.date,
    django_capture_on_commit_callbacks: Any,
) -> None:
    start = today
    campaign_over(org_tree.keu, start_date=start, due_date=start + dt.timedelta(days=14), title="A")
    # a second campaign touching the same person the same days (another unit root, other title)
    campaign_over(
        org_tree.keu_budget_planning,
        start_date=start,
        due_date=start + dt.timedelta(days=14),
        title="B",
        policy_version=_second_version(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        for offset in range(31):
            reminders_run(today=start + dt.timedelta(days=offset))
    per_day = Counter((r.recipient_id, r.sent_on) for r in Reminder.objects.all())
    assert per_day and max(per_day.values()) == 1
    mine = Reminder.objects.filter(recipient=employee, campaign__title="A").order_by("sent_on")
    kinds = [r.kind for r in mine]
    assert kinds[0] == "start" and "overdue" in kinds
    escalations = Reminder.objects.filter(recipient=unit_head, kind="escalation")
    assert escalations.exists()
    first = escalations.order_by("sent_on").first()
    assert first is not None and first.sent_on > start + dt.timedelta(days=14)
    # one message in the outbox per reminder row, none without one
    from bijak.site.notifications.models import Notification

    assert Notification.objects.count() == Reminder.objects.count()
    assert not Reminder.objects.filter(notification__isnull=True).exists()


def _second_version() -> Any:
    """Another stored policy version (not active), so a second campaign may overlap."""
    from bijak.site.policies.models import PolicyVersion

    active = PolicyVersion.objects.get(is_active=True)
    return PolicyVersion.objects.create(
        policy_id=active.policy_id,
        version="0.9",
        content_hash="f" * 64,
        source_text=active.source_text,
    )


def test_reminder_reaches_only_people_in_scope_through_real_smtp(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    colleague: Any,
    campaign_over: Any,
    today: dt.date,
    smtp_server: Any,
    immediate_tasks: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    newcomer = make_person(
        username="joko",
        full_name="Joko Santoso",
        unit=org_tree.keu_budget,
        nip="199501012020121001",
    )
    campaign_over(org_tree.keu, start_date=today)
    with django_capture_on_commit_callbacks(execute=True):
        counts = reminders_run(today=today)
    assert counts["reminders"] == 3
    smtp_server.wait(3)
    recipients = sorted(r for rcpts, _m in smtp_server.messages for r in rcpts)
    assert recipients == sorted([employee.email, unit_head.email, newcomer.email])
    assert colleague.email not in recipients
    body = next(m for rcpts, m in smtp_server.messages if employee.email in rcpts)
    text = body.get_body(preferencelist=("plain",)).get_content()
    assert "Yth. Sari Wulandari" in text and "/sosialisasi/tugas/" in text
    assert str(body["Subject"]).startswith("Pengingat: ")


def test_a_failing_mail_server_keeps_the_reminder_queued_and_the_page_says_so(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    campaign_over: Any,
    today: dt.date,
    smtp_server: Any,
    settings: Any,
    unit_head_client: Any,
) -> None:
    import socket

    from django.utils import timezone

    from bijak.site.notifications.models import Notification
    from bijak.site.notifications.services import notifications_send_due

    with socket.socket() as probe:  # a port nobody listens on: the mail server is down
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    campaign = campaign_over(org_tree.keu, start_date=today)
    settings.EMAIL_PORT = closed
    reminders_run(today=today)
    notifications_send_due()
    assert Reminder.objects.filter(campaign=campaign).count() == 2
    queued = Notification.objects.filter(status="queued", attempts=1)
    assert queued.count() == 2 and all(n.last_error for n in queued)
    page = unit_head_client.get(f"/sosialisasi/{campaign.pk}/").content.decode()
    assert "2 pengingat belum terkirim karena server e-mail gagal" in page
    # the server is back: the same reminders go out, once each, and nothing new is queued
    settings.EMAIL_PORT = smtp_server.port
    notifications_send_due(now=timezone.now() + dt.timedelta(hours=1))
    smtp_server.wait(2)
    assert sorted(r for rcpts, _m in smtp_server.messages for r in rcpts) == sorted(
        [employee.email, unit_head.email]
    )
    assert reminders_run(today=today)["reminders"] == 0


def test_the_periodic_task_and_the_command_run_the_round_once_a_day(
    org_tree: Any, employee: Any, campaign_over: Any, today: dt.date, immediate_tasks: Any
) -> None:
    import io

    from django.core.management import call_command

    from bijak.cli.serve import PERIODIC
    from bijak.site.dissemination.tasks import dissemination_daily

    assert any(
        path == "bijak.site.dissemination.tasks.dissemination_daily" for path, _e in PERIODIC
    )
    campaign_over(org_tree.keu, start_date=today)
    result = dissemination_daily.enqueue()
    assert result.return_value["reminders"] == 1
    out = io.StringIO()
    call_command("dissemination_daily", stdout=out)
    assert out.getvalue().strip() == "renewed=0 reminders=0 escalations=0 capped=0"
    assert Reminder.objects.count() == 1
