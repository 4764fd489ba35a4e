"""The notification outbox: enqueue in the caller's transaction (audited), send on commit over a
real SMTP server on loopback, retry with growing pauses while the server is down, never lose a
message."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from bijak.site.audit.models import AuditEntry
from bijak.site.audit.services import audit_verify
from bijak.site.notifications.models import Notification
from bijak.site.notifications.services import (
    MAX_ATTEMPTS,
    notification_enqueue,
    notification_requeue,
    notification_send,
    notifications_send_due,
    retry_delay,
)

pytestmark = pytest.mark.django_db


def dead_port() -> int:
    with socket.socket() as probe:  # a loopback port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_enqueue_stores_one_row_and_its_audit_entry(employee, officer):
    notification = notification_enqueue(
        recipient=employee,
        template="notifications/test",
        context={"note": "Catatan"},
        actor=officer,
    )
    row = Notification.objects.get()
    assert row == notification
    assert (row.email, row.template, row.language, row.status, row.attempts) == (
        "sari@contoh.go.id",
        "notifications/test",
        "id",
        "queued",
        0,
    )
    assert row.context == {"note": "Catatan"}
    entry = AuditEntry.objects.get(action="notification.enqueue")
    assert (entry.actor, entry.target_id) == (officer, str(row.pk))
    assert entry.data["email"] == "sari@contoh.go.id"
    assert audit_verify().ok


def test_a_rolled_back_change_leaves_no_message_and_no_entry(employee):
    class Boom(Exception):
        pass

    with pytest.raises(Boom), transaction.atomic():
        notification_enqueue(recipient=employee, template="notifications/test", context={})
        raise Boom
    assert not Notification.objects.exists()
    assert not AuditEntry.objects.filter(action="notification.enqueue").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"template": "tidak/ada"}, "does not exist"),
        ({"template": "../settings"}, "bad notification template name"),
        ({"context": {"when": timezone.now()}}, "must be plain JSON"),
        ({"language": "fr"}, "unknown notification language"),
    ],
)
def test_programming_errors_are_refused_at_enqueue(employee, kwargs, message):
    arguments = {"recipient": employee, "template": "notifications/test", "context": {}, **kwargs}
    with pytest.raises(ValueError, match=message):
        notification_enqueue(**arguments)
    assert not Notification.objects.exists()


def test_sent_on_commit_by_the_task_in_the_recipients_language(
    employee, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    employee.preferred_language = "en"
    employee.save(update_fields=["preferred_language"])
    with django_capture_on_commit_callbacks(execute=True):
        notification_enqueue(
            recipient=employee,
            template="notifications/test",
            context={"note": "Catatan <b>tebal</b>"},
        )
    smtp_server.wait(1)
    rcpt, mail = smtp_server.messages[0]
    assert rcpt == ["sari@contoh.go.id"]
    assert mail["Subject"] == "Test message from bijak"
    body = mail.get_body(("plain",)).get_content()
    assert body.startswith("Hello Sari Wulandari,")
    assert "Catatan <b>tebal</b>" in body  # plain text: nothing escaped
    row = Notification.objects.get()
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, "")
    assert row.sent_at is not None
    assert AuditEntry.objects.filter(action="notification.sent", target_id=str(row.pk)).exists()
    # sending again does nothing: a sent message is never sent twice
    assert notification_send(notification_id=row.pk) == "skipped"
    assert len(smtp_server.messages) == 1


def test_indonesian_when_asked_whatever_the_recipient_prefers(employee, smtp_server):
    employee.preferred_language = "en"
    employee.save(update_fields=["preferred_language"])
    notification_enqueue(
        recipient=employee, template="notifications/test", context={}, language="id"
    )
    assert notifications_send_due().sent == 1
    smtp_server.wait(1)
    assert smtp_server.messages[0][1]["Subject"] == "Pesan uji dari bijak"


def test_on_commit_the_database_worker_sends_it(
    employee, smtp_server, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    with django_capture_on_commit_callbacks(execute=True):
        row = notification_enqueue(recipient=employee, template="notifications/test", context={})
    task = DBTaskResult.objects.get()
    assert task.task_path == "bijak.site.notifications.tasks.notification_send_task"
    assert task.args_kwargs["kwargs"] == {"notification_id": row.pk}
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    smtp_server.wait(1)
    row.refresh_from_db()
    assert row.status == "sent"


def test_server_down_retried_with_growing_pauses_then_delivered(employee, smtp_server, settings):
    settings.EMAIL_PORT = dead_port()
    row = notification_enqueue(recipient=employee, template="notifications/test", context={})
    start = timezone.now()
    assert notifications_send_due(now=start).retried == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("queued", 1)
    assert "Connection refused" in row.last_error
    first_pause = row.next_attempt_at - start
    assert timedelta(seconds=59) < first_pause <= timedelta(seconds=61)
    assert notifications_send_due(now=start + timedelta(seconds=30)).retried == 0  # not due yet

    later = row.next_attempt_at
    assert notifications_send_due(now=later).retried == 1
    row.refresh_from_db()
    assert row.attempts == 2
    assert timedelta(seconds=119) < row.next_attempt_at - later <= timedelta(seconds=121)

    settings.EMAIL_PORT = smtp_server.port  # the server is back
    assert notifications_send_due(now=row.next_attempt_at).sent == 1
    smtp_server.wait(1)
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 3)
    assert smtp_server.messages[0][0] == ["sari@contoh.go.id"]


def test_retry_pauses_double_up_to_an_hour():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 6, 7, 20)] == [
        60,
        120,
        240,
        1920,
        3600,
        3600,
    ]


def test_given_up_after_the_last_attempt_then_requeued_by_an_admin(
    employee, admin, smtp_server, settings
):
    settings.EMAIL_PORT = dead_port()
    row = notification_enqueue(recipient=employee, template="notifications/test", context={})
    Notification.objects.filter(pk=row.pk).update(attempts=MAX_ATTEMPTS - 1)
    assert notifications_send_due().failed == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", MAX_ATTEMPTS)
    assert AuditEntry.objects.filter(action="notification.failed").count() == 1
    assert notifications_send_due(now=timezone.now() + timedelta(days=2)).failed == 0

    settings.EMAIL_PORT = smtp_server.port
    notification_requeue(actor=admin, notification=row)
    assert AuditEntry.objects.get(action="notification.requeue").actor == admin
    assert notifications_send_due().sent == 1
    smtp_server.wait(1)
    assert audit_verify().ok


def test_a_message_held_by_one_sender_is_not_taken_by_another(employee, smtp_server, settings):
    from bijak.site.notifications.services import _claim

    row = notification_enqueue(recipient=employee, template="notifications/test", context={})
    now = timezone.now()
    assert _claim(row.pk, now) is True
    assert _claim(row.pk, now) is False  # the second sender finds it taken
    assert notification_send(notification_id=row.pk) == "skipped"
    # the first sender died: after its lease the sweep sends the message
    assert notifications_send_due(now=now + timedelta(minutes=6)).sent == 1
    smtp_server.wait(1)


def test_admins_see_the_outbox_read_only(admin_client, employee):
    row = notification_enqueue(recipient=employee, template="notifications/test", context={})
    response = admin_client.get("/admin/notifications/notification/")
    assert response.status_code == 200
    assert "sari@contoh.go.id" in response.content.decode()
    response = admin_client.get(f"/admin/notifications/notification/{row.pk}/change/")
    assert response.status_code == 200
    assert admin_client.get("/admin/notifications/notification/add/").status_code == 403


def test_others_do_not_see_the_outbox(employee_client, employee):
    notification_enqueue(recipient=employee, template="notifications/test", context={})
    response = employee_client.get("/admin/notifications/notification/")
    assert response.status_code == 302  # to the admin's sign-in page
