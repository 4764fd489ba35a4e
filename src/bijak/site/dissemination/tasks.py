"""Background work of dissemination (django-tasks)."""

from __future__ import annotations

from typing import Any

from django_tasks import task


@task()
def dissemination_daily() -> dict[str, Any]:
    """The daily round: renew periodic campaigns, sync audiences, reminders and escalation.
    Run once a day (`bijak manage dissemination_daily` from cron, or enqueued by a scheduler);
    running it twice the same day sends nothing twice."""
    from bijak.site.dissemination.services import campaign_renew_due, reminders_run

    renewed = campaign_renew_due()
    counts = reminders_run()
    return {"renewed": [c.pk for c in renewed], **counts}
