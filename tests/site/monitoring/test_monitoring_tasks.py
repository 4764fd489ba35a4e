"""The scan runs in the background: a confirmed import enqueues a django-tasks task on commit,
and the site's real database worker runs it."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult
from monitoring_helpers import register, x_archive

from bijak.site.monitoring.models import Flag, Scan
from bijak.site.monitoring.services import post_import_confirm, post_import_preview

pytestmark = pytest.mark.django_db


def test_confirmed_import_queues_a_scan_that_the_worker_runs(
    officer: Any, employee: Any, django_capture_on_commit_callbacks: Any
) -> None:
    account = register(officer, employee)
    batch = post_import_preview(
        actor=officer, account=account, filename="arsip.zip", content=x_archive()
    )
    with django_capture_on_commit_callbacks(execute=True):
        post_import_confirm(actor=officer, batch=batch)
    scan = Scan.objects.get()
    assert scan.status == "queued" and scan.done == 0
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("monitoring.tasks.scan_run_task")
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    scan.refresh_from_db()
    assert (scan.status, scan.done, scan.flagged) == ("done", 6, 3)
    assert Flag.objects.count() == 3
    task.refresh_from_db()
    assert task.status == "SUCCESSFUL"
