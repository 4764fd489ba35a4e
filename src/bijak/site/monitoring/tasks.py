"""Background work of the monitoring app (django-tasks; run by the site's worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def scan_run_task(*, scan_id: int) -> int:
    """Run (or resume) a scan; returns how many posts it has scanned in all. Run again after a
    killed worker, it continues where the last written chunk ended."""
    from bijak.site.monitoring.services import scan_run

    return scan_run(scan_id=scan_id).done
