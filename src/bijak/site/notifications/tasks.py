"""Background work of the outbox (django-tasks; run by `bijak serve`'s worker)."""

from __future__ import annotations

from django_tasks import task

from bijak.site.notifications.services import notification_send, notifications_send_due


@task()
def notification_send_task(*, notification_id: int) -> str:
    """Send one message (enqueued on commit by `notification_enqueue`)."""
    return notification_send(notification_id=notification_id)


@task()
def notifications_sweep() -> dict[str, int]:
    """Send everything due: retries, and messages whose task was lost (enqueued periodically)."""
    result = notifications_send_due()
    return {"sent": result.sent, "retried": result.retried, "failed": result.failed}
