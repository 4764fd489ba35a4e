"""Every message of this app goes through the site's notification outbox (issue 8): one row
per message, sent on commit by a task, retried while the mail server is down.

Templates live in this app: `notifications/dissem_<name>.subject.txt` and `.body.txt`. The
context holds only strings and numbers (it is stored with the message).
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

log = logging.getLogger(__name__)


def absolute(path: str) -> str:
    return settings.SITE_ROOT.rstrip("/") + path


def task_link(token: str) -> str:
    """The personal link of an assignment (it opens only for its owner)."""
    return absolute(reverse("dissemination:task", args=[token]))


def notify(
    *, recipient: Any, template: str, context: dict[str, Any], actor: Any | None = None
) -> None:
    """Queue one message in the recipient's language (Indonesian first)."""
    language = getattr(recipient, "preferred_language", None) or "id"
    try:
        from bijak.site.notifications.services import notification_enqueue
    except ImportError:  # the outbox of issue 8 not merged yet: send on commit directly
        transaction.on_commit(lambda: _send_now(recipient, f"dissem_{template}", context, language))
        return
    notification_enqueue(
        recipient=recipient,
        template=f"dissem_{template}",
        context=context,
        actor=actor,
        language=language,
    )


def _send_now(recipient: Any, template: str, context: dict[str, Any], language: str) -> None:
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    with translation.override(language):
        subject = " ".join(
            render_to_string(f"notifications/{template}.subject.txt", context).split()
        )
        body = render_to_string(f"notifications/{template}.body.txt", context)
    try:
        EmailMessage(subject, body, to=[recipient.email]).send()
    except OSError:
        log.warning("dissemination: mail to user %s not sent", recipient.pk, exc_info=True)
