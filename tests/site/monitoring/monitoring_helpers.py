"""Shared helpers of the monitoring tests: the fixtures folder and export ZIPs built from it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def make_zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def x_archive() -> bytes:
    """An X archive as downloaded: manifest, account, tweets.js and media folders."""
    return make_zip(
        {
            "Your archive.html": b"<!doctype html><title>Your archive</title>",
            "data/manifest.js": b'window.__THAR_CONFIG = {"userInfo": {"userName": "sari_sehat"}}',
            "data/account.js": b'window.YTD.account.part0 = [{"account": {"username": "sari_sehat"}}]',
            "data/tweets.js": fixture("tweets.js"),
            "data/tweets_media/": b"",
        }
    )


def instagram_archive(path: str = "your_instagram_activity/content/posts_1.json") -> bytes:
    return make_zip(
        {
            "personal_information/personal_information/personal_information.json": b"{}",
            path: fixture("instagram_posts_1.json"),
        }
    )


def facebook_archive() -> bytes:
    return make_zip(
        {
            "your_activity_across_facebook/posts/your_posts__check_ins__photos_and_videos_1.json": fixture(
                "facebook_posts_1.json"
            ),
            "personal_information/profile_information/profile_information.json": b"{}",
        }
    )


def register(officer, employee_user, platform: str = "x", handle: str = "sari_sehat"):  # type: ignore[no-untyped-def]
    from bijak.site.monitoring.services import account_register

    return account_register(
        actor=officer, employee=employee_user.employee, platform=platform, handle=handle
    )


def import_and_scan(actor, account, filename: str, content: bytes):  # type: ignore[no-untyped-def]
    """Preview, confirm, and run the scan the import queued (as the worker would)."""
    from bijak.site.monitoring.models import Scan
    from bijak.site.monitoring.services import post_import_confirm, post_import_preview, scan_run

    batch = post_import_preview(actor=actor, account=account, filename=filename, content=content)
    counts = post_import_confirm(actor=actor, batch=batch)
    for scan in Scan.objects.filter(status=Scan.Status.QUEUED):
        scan_run(scan_id=scan.pk)
    return counts
