"""Background work of cases (django-tasks; enqueued hourly by `bijak serve`)."""

from __future__ import annotations

from django_tasks import task

from bijak.site.cases.services import case_escalate_due


@task()
def cases_escalate_task() -> int:
    """Tell the superior's superior and the officers about every case whose deadline passed
    (PP 94/2021 Pasal 26 and 28); once per state."""
    return case_escalate_due()
