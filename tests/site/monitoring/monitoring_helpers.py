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
