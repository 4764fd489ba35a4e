"""The desk in Debian's Chromium: an officer imports an X archive, watches the scan, reviews
three flags (confirms one, which a second officer confirms too, and dismisses two), and the
dashboard shows the decisions."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from monitoring_helpers import register, x_archive

from bijak.site.monitoring.models import Flag, Scan

PASSWORD = "bijak-test-pass"
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(page: Any, user: Any, next_url: str) -> None:
    page.goto(f"/akun/masuk/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")


def run_worker() -> None:
    """The site's background worker, once over what is queued (it sets signal handlers, so it
    runs in the main thread; the live server answers the browser from its own)."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def test_officer_imports_watches_the_scan_and_reviews_with_a_second_officer(
    browser_page: Any,
    chromium: Any,
    live_server: Any,
    officer: Any,
    employee: Any,
    org_tree: Any,
    tmp_path: Any,
) -> None:
    from conftest import make_person

    second = make_person(
        username="tono",
        full_name="Tono Sugiarto",
        unit=org_tree.kpp,
        nip="198905052012121007",
        roles=(("officer", None),),
    )
    account = register(officer, employee)
    archive = tmp_path / "twitter-2023-11-30.zip"
    archive.write_bytes(x_archive())
    page = browser_page
    log_in(page, officer, f"/pemantauan/akun/{account.pk}/")
    page.get_by_label("Berkas ekspor (ZIP, tweets.js, JSON, CSV atau JSONL)").set_input_files(
        str(archive)
    )
    page.get_by_role("button", name="Unggah dan pratinjau").click()
    page.wait_for_url("**/pemantauan/impor/*/")
    assert page.locator("#import-counts").inner_text().split() == [
        "6",
        "dibaca",
        "6",
        "baru",
        "0",
        "sudah",
        "ada",
        "0",
        "ditolak",
    ]
    page.get_by_role("button", name="Konfirmasi impor dan pindai").click()
    page.wait_for_url("**/pemantauan/pindai/*/")
    assert page.locator("#scan-status").get_attribute("data-status") == "queued"
    run_worker()
    # the page reloads itself every 3 seconds until the scan is done
    page.locator('#scan-status[data-status="done"]').wait_for(timeout=20_000)
    assert (
        "6 dari 6 unggahan dipindai; 3 masuk antrean tinjau."
        in page.locator("#scan-counts").inner_text()
    )
    assert Scan.objects.get().status == "done"

    # three flags: confirm the first, dismiss the other two
    page.goto("/pemantauan/")
    assert page.locator("#queue tbody tr").count() == 3
    page.get_by_role("button", name="Ambil temuan berikutnya").click()
    page.wait_for_url("**/pemantauan/temuan/*/")
    confirmed_url = page.url
    assert "3174012503900007" not in page.content()
    page.get_by_label("Catatan").first.fill("Menghina profesi dan menyebar NIK.")
    page.get_by_role("button", name="Konfirmasi pelanggaran").click()
    page.wait_for_url("**/pemantauan/")
    for _ in range(2):
        page.get_by_role("button", name="Ambil temuan berikutnya").click()
        page.wait_for_url("**/pemantauan/temuan/*/")
        page.get_by_label("Alasan").select_option("context")
        page.get_by_role("button", name="Tolak temuan").click()
        page.wait_for_url("**/pemantauan/")
    assert Flag.objects.filter(status="dismissed").count() == 2
    assert Flag.objects.get(status="pending_second").first_reviewer == officer

    # the second officer confirms in their own browser
    context = chromium.new_context(locale="id-ID", base_url=live_server.url)
    other = context.new_page()
    log_in(other, second, "/pemantauan/")
    other.goto(confirmed_url)
    other.get_by_role("button", name="Ambil untuk ditinjau").click()
    other.get_by_role("button", name="Konfirmasi pelanggaran").click()
    other.wait_for_url("**/pemantauan/")
    context.close()
    assert Flag.objects.filter(status="confirmed").count() == 1

    page.goto("/pemantauan/dasbor/")
    assert page.locator(".stat__value").nth(2).inner_text() == "3"  # decided
    precision = page.locator("#precision")
    assert precision.locator("tr[data-category='penghinaan'] td").nth(1).inner_text() == "1"
    assert page.locator("figure.chart").count() >= 3
