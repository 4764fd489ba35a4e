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

# The worker closes its database connection between tasks, as a real one does: the tests run
# outside a wrapping transaction (on PostgreSQL the test's connection would be closed inside it).
pytestmark = pytest.mark.django_db(transaction=True)


def test_confirmed_import_queues_a_scan_that_the_worker_runs(officer: Any, employee: Any) -> None:
    account = register(officer, employee)
    batch = post_import_preview(
        actor=officer, account=account, filename="arsip.zip", content=x_archive()
    )
    post_import_confirm(actor=officer, batch=batch)  # the task is enqueued on commit
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


def test_a_scan_whose_worker_died_is_resumed_by_the_maintenance_task(
    officer: Any, employee: Any
) -> None:
    """The worker dies after one chunk (its task stays 'running' for ever); the periodic
    maintenance task re-enqueues the stale scan and the worker finishes it: 6 posts, each once."""
    from datetime import timedelta

    from django.utils import timezone

    from bijak.site.monitoring.services import scan_run
    from bijak.site.monitoring.tasks import monitoring_maintenance_task

    account = register(officer, employee)
    batch = post_import_preview(
        actor=officer, account=account, filename="arsip.zip", content=x_archive()
    )
    post_import_confirm(actor=officer, batch=batch)
    DBTaskResult.objects.all().delete()  # its task is lost: the worker died holding it
    scan = Scan.objects.get()
    scan_run(scan_id=scan.pk, chunk=4, max_chunks=1)
    Scan.objects.filter(pk=scan.pk).update(heartbeat_at=timezone.now() - timedelta(hours=1))
    result = monitoring_maintenance_task.call()
    assert result == {"resumed": 1, "purged": 0, "expired_previews": 0}
    DBTaskResult.objects.exclude(task_path__endswith="scan_run_task").delete()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    scan.refresh_from_db()
    assert (scan.status, scan.done, scan.total) == ("done", 6, 6)
    assert Flag.objects.count() == 3
    assert monitoring_maintenance_task.call() == {"resumed": 0, "purged": 0, "expired_previews": 0}


def test_post_text_is_purged_after_retention_unless_under_review_or_confirmed(
    officer: Any, employee: Any, settings: Any
) -> None:
    from datetime import timedelta

    from django.utils import timezone
    from monitoring_helpers import import_and_scan

    from bijak.site.audit.models import AuditEntry
    from bijak.site.monitoring.models import Post
    from bijak.site.monitoring.services import flag_claim, flag_dismiss, post_text_purge

    account = register(officer, employee)
    import_and_scan(officer, account, "arsip.zip", x_archive())
    flag = Flag.objects.order_by("pk").first()
    flag_claim(actor=officer, flag=flag)
    flag_dismiss(actor=officer, flag=flag, reason="context")
    assert post_text_purge(retention_days=30) == 0  # nothing is old yet
    Post.objects.update(imported_at=timezone.now() - timedelta(days=31))
    assert post_text_purge(retention_days=30) == 4  # 3 aman + the dismissed one; 2 still open
    assert set(Post.objects.exclude(text="").values_list("pk", flat=True)) == set(
        Flag.objects.filter(status="open").values_list("post_id", flat=True)
    )
    assert AuditEntry.objects.filter(action="monitoring.post_text_purge").get().data["posts"] == 4


def test_a_preview_never_confirmed_is_deleted_after_a_day(officer: Any, employee: Any) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from bijak.site.monitoring.models import PostImport
    from bijak.site.monitoring.tasks import monitoring_maintenance_task

    account = register(officer, employee)
    post_import_preview(actor=officer, account=account, filename="arsip.zip", content=x_archive())
    assert monitoring_maintenance_task.call()["expired_previews"] == 0
    PostImport.objects.update(created_at=timezone.now() - timedelta(hours=25))
    assert monitoring_maintenance_task.call()["expired_previews"] == 1
    assert not PostImport.objects.exists()
