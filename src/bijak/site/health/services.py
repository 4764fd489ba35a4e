"""Writes of the health app: the worker's heartbeat and its view of the mail server. Not
audited: these are observations of the machine, not changes anyone made."""

from __future__ import annotations

import smtplib

from django.conf import settings
from django.utils import timezone

from bijak.site.health.models import Heartbeat

MAIL_PROBE_TIMEOUT_S = 5


def mail_probe() -> tuple[bool, str]:
    """Whether the SMTP server answers (connect, EHLO, NOOP, QUIT). A non-SMTP backend (the
    demo's file outbox) counts as alive."""
    if settings.EMAIL_BACKEND != "django.core.mail.backends.smtp.EmailBackend":
        return True, ""
    try:
        with smtplib.SMTP(
            settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=MAIL_PROBE_TIMEOUT_S
        ) as smtp:
            smtp.ehlo()
            code, message = smtp.noop()
            if code != 250:
                return False, f"NOOP {code} {message.decode(errors='replace')}"[:300]
    except (OSError, smtplib.SMTPException) as exc:
        return False, f"{type(exc).__name__}: {exc}"[:300]
    return True, ""


def heartbeat_record(*, name: str, ok: bool = True, detail: str = "") -> None:
    Heartbeat.objects.update_or_create(
        name=name, defaults={"seen_at": timezone.now(), "ok": ok, "detail": detail[:300]}
    )


def worker_heartbeat() -> None:
    """What the periodic heartbeat task does: say the worker is alive and probe the mail."""
    heartbeat_record(name="worker")
    ok, detail = mail_probe()
    heartbeat_record(name="mail", ok=ok, detail=detail)
