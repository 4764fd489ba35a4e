"""The main flow of a case in Debian's Chromium on a phone-sized screen (written by the bijak
authors): from a confirmed flag an officer opens a case, the superior is e-mailed (real SMTP on
loopback), summons I is generated, the examination recorded, a light penalty decided and
delivered; the employee reads the decision and objects; the objection is answered and the case
closes with a second person's approval.

Summons I is looked at as a person would: the PDF page is rendered to an image (PDFium, through
pypdfium2) and read back with the project's Tesseract wrapper (`bijak.intake.text.ocr_image`).
With BIJAK_CASE_SHOTS=DIR the rendered letter and the pages are kept there (the README's
screenshots come from `BIJAK_CASE_SHOTS=docs/screenshots`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import pytest
from django.utils import timezone

from bijak.site.cases.models import Case

PASSWORD = "bijak-test-pass"
PHONE = {"width": 390, "height": 844}

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_overflow(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{page.url} is {width}px wide"


def _login(chromium, live_server, user, next_url):
    context = chromium.new_context(locale="id-ID", base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(f"/akun/masuk/?next={next_url}")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{next_url}")
    return context, page


def _letter_image(pdf: bytes):  # type: ignore[no-untyped-def]
    """The first page of `pdf` as a picture, at 144 dpi."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return doc[0].render(scale=2).to_pil().convert("RGB")
    finally:
        doc.close()


def _read(image) -> str:  # type: ignore[no-untyped-def]
    """What Tesseract reads on the printed part of the page (the blank bottom cropped off)."""
    from PIL import ImageOps

    from bijak.intake.text import ocr_image

    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None, "the rendered page is blank"
    return ocr_image(image.crop(box)).text


def _step(page, heading: str, **fields: str) -> None:
    card = page.locator("section.card", has=page.get_by_role("heading", name=heading))
    for label, value in fields.items():
        box = card.get_by_label(label)
        if box.evaluate("e => e.tagName") == "SELECT":
            box.select_option(value)
        else:
            box.fill(value)
    card.get_by_role("button", name=heading).click()
    page.wait_for_load_state()
    assert "Langkah dicatat." in page.locator("main").inner_text()


def test_from_flag_to_closing_on_a_phone(
    chromium,
    live_server,
    officer,
    employee,
    unit_head,
    ppk,
    smtp_server,
    immediate_tasks,
    tmp_path,
):
    from bijak.site.monitoring.models import Account, Flag, Post

    shots = Path(os.environ.get("BIJAK_CASE_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)

    account = Account.objects.create(
        employee=employee.employee, platform="x", handle="sari_sehat", registered_by=officer
    )
    post = Post.objects.create(account=account, key="p1", content_hash="0" * 64, text="teks")
    flag = Flag.objects.create(
        post=post,
        verdict="langgar",
        severity=2,
        clause_ids=["B.2"],
        evidence=[{"category": "ujaran", "text": "kata pemicu"}],
        status="confirmed",
    )
    ctx, op = _login(chromium, live_server, officer, f"/perkara/baru/?temuan={flag.pk}")
    _no_overflow(op)
    op.get_by_role("button", name="Buka perkara").click()
    op.wait_for_url("**/perkara/*/")
    case = Case.objects.get()
    assert f"Perkara {case.number} dibuka" in op.locator("main").inner_text()
    smtp_server.wait(1)
    assert smtp_server.messages[0][0] == [unit_head.email]

    exam = (timezone.localdate() + dt.timedelta(days=30)).isoformat()
    _step(
        op,
        "Kirim Surat Panggilan I",
        **{"Tanggal pemeriksaan (sekurang-kurangnya 7 hari kerja lagi)": exam},
    )
    doc = case.documents.get(kind="summons_1")
    pdf = op.request.get(f"/perkara/{case.pk}/dokumen/{doc.pk}/")
    assert pdf.headers["content-type"] == "application/pdf"
    assert hashlib.sha256(pdf.body()).hexdigest() == doc.sha256
    letter = _letter_image(pdf.body())
    letter.save(shots / "cases-summons-pdf.png")
    seen = _read(letter)
    for words in (
        "RAHASIA",
        "SURAT PANGGILAN",
        f"Nomor: {doc.number}",
        employee.full_name,
        employee.employee.nip,
        case.number,
        officer.full_name,
    ):
        assert words in seen, f"{words!r} not read on the summons:\n{seen}"
    # RAHASIA is printed in red, top right, above the letterhead
    top = letter.crop((letter.width // 2, 0, letter.width, letter.height // 10))
    red = [p for p in top.get_flattened_data() if p[0] > 140 and p[1] < 60 and p[2] < 60]
    assert len(red) > 200, "no red RAHASIA mark in the top right corner"
    assert seen.index("RAHASIA") < seen.index("SURAT PANGGILAN")
    _step(
        op,
        "Catat pemeriksaan tertutup (BAP)",
        **{"Isi berita acara pemeriksaan": "Pegawai hadir dan mengakui unggahan."},
    )
    _step(
        op,
        "Putuskan hukuman disiplin ringan",
        **{"Hukuman disiplin ringan": "teguran_tertulis", "Pertimbangan / alasan": "Terbukti."},
    )
    _step(op, "Catat penyampaian keputusan")
    _no_overflow(op)
    op.screenshot(path=str(shots / "cases-detail-officer-phone.png"), full_page=True)
    op.goto("/perkara/dasbor/")
    _no_overflow(op)
    clause_chart = op.locator("[data-chart=outcomes-by-clause] figure.chart")
    assert clause_chart.locator("figcaption").inner_text() == "B.2"
    assert "hukuman ringan 1" in clause_chart.inner_text()
    op.screenshot(path=str(shots / "cases-dashboard-phone.png"), full_page=True)
    op.goto(f"/perkara/{case.pk}/")

    ectx, ep = _login(chromium, live_server, employee, f"/perkara/{case.pk}/")
    _no_overflow(ep)
    text = ep.locator("main").inner_text()
    assert "hukuman disiplin ringan: teguran tertulis" in text
    decision = case.documents.get(kind="decision")
    assert ep.request.get(f"/perkara/{case.pk}/dokumen/{decision.pk}/").ok
    _step(ep, "Ajukan keberatan", **{"Pertimbangan / alasan": "Saya keberatan."})
    ep.screenshot(path=str(shots / "cases-detail-employee-phone.png"), full_page=True)
    ectx.close()

    actx, ap = _login(chromium, live_server, ppk, f"/perkara/{case.pk}/")
    _step(ap, "Jawab keberatan", **{"Pertimbangan / alasan": "Keberatan ditolak."})
    op.reload()
    _step(op, "Ajukan penutupan perkara")
    assert "Setujui penutupan" not in op.locator("main").inner_text()  # a second person's step
    ap.reload()
    _step(ap, "Setujui penutupan")
    actx.close()
    ctx.close()
    case.refresh_from_db()
    assert case.state == "closed"
