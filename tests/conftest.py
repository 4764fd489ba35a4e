"""Suite-wide fixtures and rules.

- With BIJAK_FORBID_SKIPS=1 (CI), any skipped test fails the run, whether it is skipped while
  running or while its module is collected: a skip that hides a missing part is a failure.
- `browser_page`: Debian's Chromium driven by Playwright against the live test server.
- `pipeline`: the engine's default pipeline, built once (here rather than in tests/engine/: a
  second `conftest` module there took the name `conftest` from tests/site/conftest.py, whose
  `make_person` some site helpers import, whenever engine tests were collected after site tests).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest

_skipped: list[str] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped:
        _skipped.append(report.nodeid)


def pytest_collectreport(report: pytest.CollectReport) -> None:
    """A module skipped while it is collected (`pytest.importorskip`, a module-level
    `pytest.skip`) is a skip too: it never reaches `pytest_runtest_logreport`."""
    if report.skipped:
        _skipped.append(report.nodeid or "(collection)")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("BIJAK_FORBID_SKIPS") == "1" and _skipped:
        print(f"\nBIJAK_FORBID_SKIPS: {len(_skipped)} test(s) skipped, which CI forbids:")
        for nodeid in _skipped[:50]:
            print(f"  {nodeid}")
        session.exitstatus = 1


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing() -> None:
    """Personas are made for almost every site test: with the production hasher (PBKDF2, about
    0.25 s of CPU per password) persona setup was most of the suite's time. Tests hash with
    MD5; production settings are untouched (Django's own advice for test speed)."""
    from django.conf import settings

    if settings.configured:  # a probe run of this conftest without Django skips it
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from bijak.engine import default_pipeline

    return default_pipeline()


CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """A headless Debian Chromium, shared by the session's page tests."""
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium: Any, live_server: Any) -> Iterator[Any]:
    """A fresh browser context and page; `page.base_url` is the live server's URL."""
    context = chromium.new_context(locale="id-ID", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
