"""What the health page reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection
from django.utils import timezone

from bijak.site.health.models import Heartbeat

# the worker is alive if it ran its heartbeat task this recently (enqueued every 15 s)
WORKER_STALE_S = 90


@dataclass(frozen=True)
class Part:
    ok: bool
    seen_at: datetime | None = None
    detail: str = ""

    def age_s(self) -> int | None:
        return (
            None if self.seen_at is None else int((timezone.now() - self.seen_at).total_seconds())
        )


@dataclass(frozen=True)
class Health:
    database: Part
    worker: Part
    mail: Part

    @property
    def ok(self) -> bool:
        return self.database.ok and self.worker.ok and self.mail.ok


def health_read() -> Health:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        beats = {beat.name: beat for beat in Heartbeat.objects.all()}
    except Exception as exc:  # any database error means the database is not usable
        down = Part(False, detail=type(exc).__name__)
        return Health(database=down, worker=Part(False), mail=Part(False))
    worker = beats.get("worker")
    worker_ok = (
        worker is not None and (timezone.now() - worker.seen_at).total_seconds() < WORKER_STALE_S
    )
    mail = beats.get("mail")
    return Health(
        database=Part(True),
        worker=Part(worker_ok, worker.seen_at if worker else None),
        mail=Part(
            bool(mail and mail.ok and worker_ok),
            mail.seen_at if mail else None,
            mail.detail if mail else "",
        ),
    )
