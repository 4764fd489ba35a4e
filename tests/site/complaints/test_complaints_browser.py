"""Complaints in Debian's Chromium on a phone-sized screen: an anonymous visitor files a complaint
with a screenshot and gets a ticket key; an officer merges it with a duplicate and forwards it by
e-mail (real SMTP on loopback); the visitor sees "Diteruskan". Pictures are drawn here from text
written by the bijak authors."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from bijak.site.complaints.models import Complaint

PASSWORD = "bijak-test-pass"
PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _screenshot(path) -> None:
    img = Image.new("RGB", (720, 360), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 36)
    for i, line in enumerate(["Slot gacor maxwin!", "Depo 10rb langsung WD"]):
        draw.text((24, 60 + i * 70), line, font=font, fill=(20, 20, 20))
    img.save(path, "PNG")


def _no_overflow(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def test_anonymous_report_merge_forward_and_status_on_a_phone(
    chromium, live_server, officer, smtp_server, immediate_tasks, tmp_path
):
    shot = tmp_path / "bukti.png"
    _screenshot(shot)
    visitor = chromium.new_context(locale="id-ID", base_url=live_server.url, viewport=PHONE)
    page = visitor.new_page()
    page.set_default_timeout(20_000)
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))

    page.goto("/aduan/")
    _no_overflow(page)
    page.get_by_label("Jenis konten").select_option("perjudian")
    page.get_by_label("Tautan konten").fill(
        "https://x.com/akun_judi/status/1790000000000000001?s=20"
    )
    page.get_by_label("Tangkapan layar").set_input_files(str(shot))
    page.get_by_label("Keterangan").fill("Akun promosi judi online.")
    page.get_by_role("button", name="Kirim aduan").click()
    page.wait_for_url("**/aduan/terkirim/**")
    _no_overflow(page)
    key = page.locator("code").inner_text()
    ticket = Complaint.objects.get().ticket
    assert ticket in page.locator("main").inner_text() and len(key) >= 16

    # a second visitor reports the same post by its other address
    other = chromium.new_context(locale="id-ID", base_url=live_server.url, viewport=PHONE)
    p2 = other.new_page()
    p2.goto("/aduan/")
    p2.get_by_label("Jenis konten").select_option("perjudian")
    p2.get_by_label("Tautan konten").fill(
        "https://twitter.com/akun_judi/status/1790000000000000001"
    )
    p2.get_by_role("button", name="Kirim aduan").click()
    p2.wait_for_url("**/aduan/terkirim/**")
    duplicate = Complaint.objects.exclude(ticket=ticket).get().ticket
    other.close()

    staff = chromium.new_context(locale="id-ID", base_url=live_server.url, viewport=PHONE)
    op = staff.new_page()
    op.set_default_timeout(20_000)
    op.goto(f"/akun/masuk/?next=/aduan/kelola/{ticket}/")
    op.fill("#id_username", officer.username)
    op.fill("#id_password", PASSWORD)
    op.locator("main form button[type=submit]").click()
    op.wait_for_url(f"**/aduan/kelola/{ticket}/")
    _no_overflow(op)
    assert "Mungkin duplikat" in op.locator("main").inner_text()
    op.get_by_role("button", name=f"Gabungkan {duplicate} ke aduan ini").click()
    op.wait_for_url(f"**/aduan/kelola/{ticket}/")
    op.get_by_label("Kanal").select_option("aduankonten-email")
    op.get_by_role("button", name="Teruskan aduan").click()
    op.wait_for_url(f"**/aduan/kelola/{ticket}/")
    assert "masuk antrean pengiriman" in op.locator("main").inner_text()
    op.screenshot(path=str(tmp_path / "officer.png"), full_page=True)
    staff.close()

    smtp_server.wait(1)
    rcpt, message = smtp_server.messages[0]
    assert rcpt == ["aduankonten@mail.kominfo.go.id"]
    assert any(p.get_filename().endswith(".png") for p in message.iter_attachments())

    page.goto(f"/aduan/tiket/{ticket}/")
    assert "Diteruskan" in page.locator("main").inner_text()
    _no_overflow(page)
    # a fresh phone with only the ticket and its key
    fresh = chromium.new_context(locale="id-ID", base_url=live_server.url, viewport=PHONE)
    fp = fresh.new_page()
    fp.goto("/aduan/tiket/")
    fp.get_by_label("Nomor tiket").fill(ticket)
    fp.get_by_label("Kunci tiket").fill(key)
    fp.get_by_role("button", name="Lihat status").click()
    fp.wait_for_url(f"**/aduan/tiket/{ticket}/")
    assert "Diteruskan" in fp.locator("main").inner_text()
    fresh.close()
    visitor.close()
    hosts = {r.split("/")[2] for r in requests}
    assert hosts == {live_server.url.split("/")[2]}, hosts
