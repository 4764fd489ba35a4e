"""The worker's heartbeat (django-tasks; enqueued every few seconds by `bijak serve`)."""

from __future__ import annotations

from django_tasks import task

from bijak.site.health.services import worker_heartbeat


@task(priority=10)
def worker_heartbeat_task() -> None:
    worker_heartbeat()
