"""Every message of this app goes through the site's notification outbox (issue 8): one row
per message, sent on commit by a task, retried while the mail server is down.

Templates live in this app: `notifications/dissemination/<name>.subject.txt` and `.body.txt`. The
context holds only strings and numbers (it is stored with the message).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    return settings.SITE_ROOT.rstrip("/") + path


def task_link(token: str) -> str:
    """The personal link of an assignment (it opens only for its owner)."""
    return absolute(reverse("dissemination:task", args=[token]))


def notify(
    *, recipient: Any, template: str, context: dict[str, Any], actor: Any | None = None
) -> Any:
    """Queue one message (a `Notification`) in the recipient's language, Indonesian first."""
    from bijak.site.notifications.services import notification_enqueue

    return notification_enqueue(
        recipient=recipient, template=f"dissemination/{template}", context=context, actor=actor
    )
