"""Background work of the monitoring app (django-tasks; run by the site's worker)."""

from __future__ import annotations

from django_tasks import task


@task()
def scan_run_task(*, scan_id: int) -> int:
    """Run (or resume) a scan; returns how many posts it has scanned in all. Run again after a
    killed worker, it continues where the last written chunk ended."""
    from django.conf import settings

    from bijak.site.monitoring.services import scan_run

    return scan_run(scan_id=scan_id, chunk=settings.BIJAK_MONITOR_SCAN_CHUNK).done


@task()
def monitoring_maintenance_task() -> dict[str, int]:
    """Periodic (enqueued by `bijak serve`): resume scans whose worker died, and delete post
    text past the retention period (BIJAK_MONITOR_RETENTION_DAYS), and previews never confirmed
    after a day (they hold the export's text before masking)."""
    from django.conf import settings

    from bijak.site.monitoring.services import post_import_expire, post_text_purge, scans_resume

    resumed = scans_resume(stale_minutes=settings.BIJAK_MONITOR_SCAN_STALE_MINUTES)
    purged = post_text_purge(retention_days=settings.BIJAK_MONITOR_RETENTION_DAYS)
    expired = post_import_expire(hours=24)
    return {"resumed": len(resumed), "purged": purged, "expired_previews": expired}
