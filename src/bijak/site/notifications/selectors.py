"""Reads of the notification outbox."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Count, QuerySet

from bijak.site.notifications.models import Notification


def notifications_due_ids(*, now: datetime, limit: int = 500) -> list[int]:
    """Queued messages whose next attempt is due, oldest first."""
    return list(
        Notification.objects.filter(status=Notification.Status.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )


def notifications_for(*, recipient_id: int) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=recipient_id).order_by("-created_at", "-pk")


def notification_counts() -> dict[str, int]:
    """How many messages are queued, sent and failed (for the health page)."""
    counts = {status: 0 for status in Notification.Status.values}
    for row in Notification.objects.values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts


def notifications_pending(*, limit: int = 50) -> QuerySet[Notification]:
    """Messages not yet sent (queued or failed), oldest first: what an administrator looks at
    when the mail server was down."""
    return Notification.objects.exclude(status=Notification.Status.SENT).order_by(
        "created_at", "pk"
    )[:limit]
