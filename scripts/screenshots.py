"""Takes the README's screenshots of the main pages with Debian's Chromium.

Usage: .venv/bin/python scripts/screenshots.py  (prepares a throw-away demo database, serves it
on a free loopback port, logs in as the demo employee and writes docs/screenshots/*.png; then the
home of each demo role at 390 x 844 and 1280 x 900: home-<user>-<phone|desktop>.png).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

DRAFT = (
    "Pasien atas nama Budi NIK 3201014508900003 ditolak di puskesmas, antri lama banget. "
    "Dasar IDI organisasi bodoh, kerjanya cuma makan gaji buta!"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


ROLES = ("pegawai", "kepala", "petugas", "auditor", "admin", "ppk")
SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


def homes(browser: object, base: str) -> None:
    """The home of each demo role at a phone and a desktop size: home-<user>-<size>.png."""
    password = os.environ.get("BIJAK_SHOT_PASS", "bijak-demo-2438")
    for user in ROLES:
        for size, (width, height) in SIZES.items():
            context = browser.new_context(  # type: ignore[attr-defined]
                viewport={"width": width, "height": height}, locale="id-ID"
            )
            page = context.new_page()
            page.goto(base + "/akun/masuk/")
            page.fill("#id_username", user)
            page.fill("#id_password", password)
            page.press("#id_password", "Enter")
            page.wait_for_url(base + "/")
            page.screenshot(path=str(OUT / f"home-{user}-{size}.png"), full_page=size == "desktop")
            context.close()


def login(page: object, base: str, user: str) -> None:
    page.goto(base + "/akun/masuk/")  # type: ignore[attr-defined]
    page.fill("#id_username", user)  # type: ignore[attr-defined]
    page.fill("#id_password", os.environ.get("BIJAK_SHOT_PASS", "bijak-demo-2438"))  # type: ignore[attr-defined]
    page.press("#id_password", "Enter")  # type: ignore[attr-defined]
    page.wait_for_load_state()  # type: ignore[attr-defined]


def complaints(browser: object, base: str) -> None:
    """Complaints: the anonymous form on a phone, the officer's queue, a merged and forwarded
    complaint, and the dashboard: complaints-*.png."""
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="id-ID")  # type: ignore[attr-defined]
    page = phone.new_page()
    page.goto(base + "/aduan/")
    page.screenshot(path=str(OUT / "complaints-intake-phone.png"), full_page=True)
    phone.close()
    desk = browser.new_context(viewport={"width": 1280, "height": 900}, locale="id-ID")  # type: ignore[attr-defined]
    page = desk.new_page()
    login(page, base, "petugas")
    page.goto(base + "/aduan/kelola/")
    page.screenshot(path=str(OUT / "complaints-queue.png"), full_page=True)
    page.goto(base + "/aduan/kelola/?status=forwarded")
    page.locator("table a").first.click()
    page.wait_for_load_state()
    page.screenshot(path=str(OUT / "complaints-detail.png"), full_page=True)
    page.goto(base + "/aduan/kelola/dasbor/")
    page.screenshot(path=str(OUT / "complaints-dashboard.png"), full_page=True)
    desk.close()


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    var = tempfile.mkdtemp(prefix="bijak-shots-")
    env = {**os.environ, "BIJAK_VAR_DIR": var, "BIJAK_DEMO": "true"}  # a throw-away demo database
    env.pop("DATABASE_URL", None)
    bijak = str(ROOT / ".venv" / "bin" / "bijak")
    subprocess.run(  # noqa: S603 - our own command
        [bijak, "demo", "--no-serve"], env=env, check=True, stdout=subprocess.DEVNULL
    )
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own command
        [bijak, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.2)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            if os.environ.get("BIJAK_SHOTS") == "complaints":
                complaints(browser, base)
                browser.close()
                return 0
            page = browser.new_page(viewport={"width": 420, "height": 900}, locale="id-ID")
            page.goto(base + "/kebijakan/")
            page.screenshot(path=str(OUT / "policy.png"), full_page=False)
            page.goto(base + "/akun/masuk/?next=/cek/")
            page.fill("#id_username", os.environ.get("BIJAK_SHOT_USER", "pegawai"))
            page.fill("#id_password", os.environ.get("BIJAK_SHOT_PASS", "bijak-demo-2438"))
            page.press("#id_password", "Enter")
            page.wait_for_url(base + "/cek/")
            page.fill("textarea", DRAFT)
            page.locator("main form button[type=submit]").first.click()
            page.wait_for_load_state()
            page.screenshot(path=str(OUT / "check.png"), full_page=True)
            homes(browser, base)
            complaints(browser, base)
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
    print(f"screenshots written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
