"""Writing to the notification outbox and sending what is due.

`notification_enqueue` is the one way any app sends mail: it stores the message in the outbox
and writes its audit entry in the caller's transaction; after the commit a background task sends
it. A message whose mail server is down stays queued and is tried again with growing pauses;
nothing is lost. See README.md in this directory.
"""

from __future__ import annotations

import logging
import re
import smtplib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import get_template, render_to_string
from django.utils import timezone, translation

from bijak.site.audit.services import audit_record
from bijak.site.notifications.models import Notification
from bijak.site.notifications.selectors import notifications_due_ids

logger = logging.getLogger(__name__)

TEMPLATE_NAME = re.compile(r"^[a-z0-9_]+(/[a-z0-9_]+)*$")
LANGUAGES = {code for code, _name in settings.LANGUAGES}
# A message is tried this many times (about 19 hours with the pauses below), then marked failed.
MAX_ATTEMPTS = 24
# While one sender holds a message (between claiming it and recording the result) no other
# sender takes it; a sender that dies mid-way releases it when the lease ends.
LEASE = timedelta(minutes=5)
SMTP_TIMEOUT_S = 15


def retry_delay(attempts: int) -> timedelta:
    """The pause after the `attempts`-th failed try: 1, 2, 4 … minutes, at most one hour."""
    return timedelta(seconds=min(60 * 2 ** max(0, attempts - 1), 3600))


def _template_paths(template: str) -> tuple[str, str]:
    return f"notifications/{template}.subject.txt", f"notifications/{template}.body.txt"


def _json_context(context: dict[str, Any]) -> dict[str, Any]:
    import json

    try:
        value = json.loads(json.dumps(context))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"notification context must be plain JSON: {exc}") from None
    if not isinstance(value, dict):
        raise ValueError("notification context must be a JSON object")
    return value


@transaction.atomic
def notification_enqueue(
    *,
    recipient: Any,
    template: str,
    context: dict[str, Any],
    actor: Any | None = None,
    language: str | None = None,
    address: str | None = None,
) -> Notification:
    """Queue one message to `recipient` (sent after the surrounding transaction commits).

    `address` sends it to another mailbox than the recipient's own (an external channel such as
    a national complaint address, on behalf of `recipient`). A context key `attachments`
    (``{"provider": name, ...}``) names a provider registered with `attachments_register` that
    returns the files to attach at send time (so no file is copied into the outbox).

    `template` names `notifications/<template>.subject.txt` and `.body.txt`; `context` is a
    JSON object handed to both at send time; `language` defaults to the recipient's. Raises
    ValueError for a template that does not exist, a context that is not JSON, an unknown
    language or a recipient without an e-mail address (programming errors, not user input).
    """
    if not TEMPLATE_NAME.match(template):
        raise ValueError(f"bad notification template name {template!r}")
    for path in _template_paths(template):
        try:
            get_template(path)
        except TemplateDoesNotExist:
            raise ValueError(f"notification template {path!r} does not exist") from None
    language = language or getattr(recipient, "preferred_language", "") or settings.LANGUAGE_CODE
    if language not in LANGUAGES:
        raise ValueError(f"unknown notification language {language!r}")
    email = address or recipient.email
    if not email:
        raise ValueError(f"user {recipient.pk} has no e-mail address")
    provider = (context.get("attachments") or {}).get("provider")
    if provider is not None and provider not in _ATTACHMENT_PROVIDERS:
        raise ValueError(f"unknown attachment provider {provider!r}")
    now = timezone.now()
    notification = Notification.objects.create(
        recipient=recipient,
        email=email,
        template=template,
        language=language,
        context=_json_context(context),
        next_attempt_at=now,
        created_at=now,
    )
    audit_record(
        actor=actor,
        action="notification.enqueue",
        target_type="notifications.Notification",
        target_id=notification.pk,
        data={
            "template": template,
            "recipient": recipient.get_username(),
            "email": email,
            "language": language,
        },
    )
    transaction.on_commit(lambda: _enqueue_send(notification.pk))
    return notification


Attachment = tuple[str, bytes, str]
_ATTACHMENT_PROVIDERS: dict[str, Callable[[dict[str, Any]], list[Attachment]]] = {}


def attachments_register(name: str, provider: Callable[[dict[str, Any]], list[Attachment]]) -> None:
    """Register `provider(spec) -> [(filename, bytes, mimetype), ...]` under `name` (an app does
    this in its AppConfig.ready()); a message whose context holds
    ``{"attachments": {"provider": name, ...}}`` gets those files attached when it is sent."""
    _ATTACHMENT_PROVIDERS[name] = provider


def _attachments(notification: Notification) -> list[Attachment]:
    spec = (notification.context or {}).get("attachments")
    if not spec:
        return []
    return _ATTACHMENT_PROVIDERS[spec["provider"]](spec)


def _enqueue_send(notification_id: int, run_after: datetime | None = None) -> None:
    """Hand the sending to the task runner. If even that fails the message stays queued in the
    outbox and the periodic sweep sends it."""
    from bijak.site.notifications.tasks import notification_send_task

    task = notification_send_task
    if run_after is not None:
        if not task.get_backend().supports_defer:
            return  # the sweep picks it up when it is due
        task = task.using(run_after=run_after)
    try:
        task.enqueue(notification_id=notification_id)
    except Exception:  # the outbox row is the source of truth; the sweep sends it
        logger.exception("could not enqueue the sending of notification %s", notification_id)


def _password_reset_link(notification: Notification) -> str:
    """A link to choose a new password, made at send time so that no live link is stored."""
    from django.contrib.auth.tokens import default_token_generator
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = notification.recipient
    path = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    base = str(notification.context.get("base_url") or settings.SITE_ROOT)
    return f"{base.rstrip('/')}{path}"


def notification_render(*, notification: Notification) -> tuple[str, str]:
    """Subject and body of a message, in its language."""
    context: dict[str, Any] = dict(notification.context)
    context.update(
        {
            "recipient": notification.recipient,
            "site_name": settings.SITE_NAME,
            "site_root": settings.SITE_ROOT,
            # a callable: evaluated only by a template that shows the link
            "password_reset_link": lambda: _password_reset_link(notification),
        }
    )
    subject_path, body_path = _template_paths(notification.template)
    with translation.override(notification.language):
        subject = " ".join(render_to_string(subject_path, context).split())
        body = render_to_string(body_path, context)
    return subject, body


@dataclass(frozen=True)
class SendResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def _claim(notification_id: int, now: datetime) -> bool:
    """Take a due message for this sender (one UPDATE: two senders never both get it)."""
    return (
        Notification.objects.filter(
            pk=notification_id,
            status=Notification.Status.QUEUED,
            next_attempt_at__lte=now,
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + LEASE)
        == 1
    )


@transaction.atomic
def _record_failure(
    notification: Notification, error: str, *, permanent: bool, now: datetime
) -> str:
    notification.last_error = error[:2000]
    if permanent or notification.attempts >= MAX_ATTEMPTS:
        notification.status = Notification.Status.FAILED
        notification.save(update_fields=["status", "last_error"])
        audit_record(
            actor=None,
            action="notification.failed",
            target_type="notifications.Notification",
            target_id=notification.pk,
            data={
                "template": notification.template,
                "email": notification.email,
                "attempts": notification.attempts,
                "error": notification.last_error,
            },
        )
        return "failed"
    notification.next_attempt_at = now + retry_delay(notification.attempts)
    notification.save(update_fields=["next_attempt_at", "last_error"])
    run_after = notification.next_attempt_at
    transaction.on_commit(lambda: _enqueue_send(notification.pk, run_after=run_after))
    return "retried"


@transaction.atomic
def _record_sent(notification: Notification) -> None:
    notification.status = Notification.Status.SENT
    notification.sent_at = timezone.now()
    notification.save(update_fields=["status", "sent_at"])
    audit_record(
        actor=None,
        action="notification.sent",
        target_type="notifications.Notification",
        target_id=notification.pk,
        data={
            "template": notification.template,
            "email": notification.email,
            "attempts": notification.attempts,
        },
    )


def notification_send(*, notification_id: int, now: datetime | None = None) -> str:
    """Send one message if it is queued and due. Returns "sent", "retried" (the mail server
    refused or was unreachable: tried again later), "failed" (given up, or the template is
    broken) or "skipped" (not due, already sent, or taken by another sender)."""
    now = now or timezone.now()
    if not _claim(notification_id, now):
        return "skipped"
    notification = Notification.objects.select_related("recipient").get(pk=notification_id)
    try:
        subject, body = notification_render(notification=notification)
    except (TemplateDoesNotExist, TemplateSyntaxError) as exc:
        return _record_failure(
            notification, f"{type(exc).__name__}: {exc}", permanent=True, now=now
        )
    try:
        connection = get_connection(
            timeout=getattr(settings, "EMAIL_TIMEOUT", None) or SMTP_TIMEOUT_S
        )
        message = EmailMessage(subject, body, None, [notification.email], connection=connection)
        for filename, content, mimetype in _attachments(notification):
            message.attach(filename, content, mimetype)
        message.send()
    except (OSError, smtplib.SMTPException) as exc:
        return _record_failure(
            notification, f"{type(exc).__name__}: {exc}", permanent=False, now=now
        )
    _record_sent(notification)
    return "sent"


def notifications_send_due(*, now: datetime | None = None) -> SendResult:
    """Send every queued message that is due now (the periodic sweep; also handy in tests)."""
    now = now or timezone.now()
    counts = {"sent": 0, "retried": 0, "failed": 0, "skipped": 0}
    for notification_id in notifications_due_ids(now=now):
        counts[notification_send(notification_id=notification_id, now=now)] += 1
    return SendResult(sent=counts["sent"], retried=counts["retried"], failed=counts["failed"])


@transaction.atomic
def notification_requeue(*, actor: Any, notification: Notification) -> None:
    """Put a failed message back in the queue (an administrator, after the cause is fixed)."""
    if notification.status != Notification.Status.FAILED:
        return
    notification.status = Notification.Status.QUEUED
    notification.attempts = 0
    notification.next_attempt_at = timezone.now()
    notification.save(update_fields=["status", "attempts", "next_attempt_at"])
    audit_record(
        actor=actor,
        action="notification.requeue",
        target_type="notifications.Notification",
        target_id=notification.pk,
        data={"template": notification.template, "email": notification.email},
    )
    transaction.on_commit(lambda: _enqueue_send(notification.pk))
