"""Background work of dissemination (django-tasks)."""

from __future__ import annotations

from typing import Any

from django_tasks import task


@task()
def dissemination_daily() -> dict[str, Any]:
    """The daily round: renew periodic campaigns, sync audiences, reminders and escalation.
    `bijak serve` enqueues it every hour (`bijak manage dissemination_daily` does the same from
    cron); running it again the same day sends nothing twice (milestones are sent once, and at
    most one message a day per person is a database constraint)."""
    from bijak.site.dissemination.services import campaign_renew_due, reminders_run

    renewed = campaign_renew_due()
    counts = reminders_run()
    return {"renewed": [c.pk for c in renewed], **counts}
