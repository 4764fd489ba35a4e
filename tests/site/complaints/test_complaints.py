"""Complaints (aduan): intake by anonymous visitors and staff, bad input refused with a clear
message and nothing stored, who sees what, duplicates proposed and merged, forwarding by e-mail
with the evidence attached (checked byte for byte on a real SMTP server), status for every
reporter. Posts, links and pictures are made up by the bijak authors."""

from __future__ import annotations

import hashlib
import io
import struct
import zlib

import pytest
from django.test import Client
from PIL import Image, ImageDraw, ImageFont

from bijak.site.audit.models import AuditEntry
from bijak.site.complaints.models import Candidate, Complaint, Screenshot, Status
from bijak.site.notifications.services import notifications_send_due

pytestmark = pytest.mark.django_db

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
URL = "https://x.com/akun_judi/status/1790000000000000001?s=20"
SAME_URL = "https://twitter.com/akun_judi/status/1790000000000000001"


def _png(lines: list[str]) -> bytes:
    img = Image.new("RGB", (900, 420), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(FONT, 40)
    for i, line in enumerate(lines):
        draw.text((30, 40 + i * 80), line, font=font, fill=(20, 20, 20))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _upload(name: str, data: bytes, mime: str = "image/png"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data, content_type=mime)


def _submit(client: Client, **fields):
    data = {"kind": "perjudian", "urls": "", "description": "", "website": ""}
    data.update(fields)
    return client.post("/aduan/", data)


def test_an_anonymous_visitor_files_a_complaint_gets_a_ticket_key_and_follows_it():
    visitor = Client()
    shot = _png(["Slot gacor maxwin hari ini", "depo 10rb langsung wd"])
    response = _submit(
        visitor,
        urls=URL,
        description="Akun ini promosi judi online tiap hari",
        screenshots=[_upload("bukti.png", shot)],
    )
    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert complaint.reporter is None and complaint.status == Status.RECEIVED
    assert complaint.suggested_kind == "perjudian" and not complaint.kind_mismatch
    assert [link.key for link in complaint.links.all()] == ["x:status:1790000000000000001"]
    stored = complaint.screenshots.get()
    assert stored.sha256_original == hashlib.sha256(shot).hexdigest()
    assert "gacor" in stored.ocr_text.lower()
    page = visitor.get(response["Location"]).content.decode()
    assert complaint.ticket in page
    key = page.split("<code>")[1].split("</code>")[0]
    assert complaint.key_hash == hashlib.sha256(key.encode()).hexdigest()
    # the key is shown once: the same page later redirects to the status page
    assert visitor.get(response["Location"]).status_code == 302
    assert "Diterima" in visitor.get(f"/aduan/tiket/{complaint.ticket}/").content.decode()

    stranger = Client()
    assert stranger.get(f"/aduan/tiket/{complaint.ticket}/").status_code == 404
    bad = stranger.post("/aduan/tiket/", {"ticket": complaint.ticket, "key": "tebakan-salah"})
    assert bad.status_code == 400
    assert "Nomor tiket atau kuncinya tidak cocok." in bad.content.decode()
    good = stranger.post("/aduan/tiket/", {"ticket": complaint.ticket.lower(), "key": key})
    assert good.status_code == 302
    assert stranger.get(good["Location"]).status_code == 200
    assert AuditEntry.objects.filter(action="complaint.submit").count() == 1


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _huge_png_header() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", 20_000, 20_000, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 9))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"screenshots": [("laporan.png", PDF)]},
            "Berkas laporan.png ditolak: bukan gambar PNG, JPEG atau WebP.",
        ),
        ({"screenshots": [("besar.png", _huge_png_header())]}, "ukuran gambar terlalu besar"),
        (
            {"urls": "https://contoh.example/" + "a" * 10_000},
            "tidak dapat diterima: terlalu panjang.",
        ),
        ({"urls": "javascript:alert(document.cookie)"}, "harus diawali http:// atau https://"),
        ({"urls": "data:text/html;base64,PHNjcmlwdD4="}, "harus diawali http:// atau https://"),
        ({}, "Sertakan paling sedikit satu tautan atau satu tangkapan layar."),
        ({"urls": URL, "kind": "bukan-jenis"}, "bukan salah satu dari pilihan yang tersedia"),
        ({"urls": URL, "website": "http://spam.example"}, "Aduan tidak dapat diterima."),
    ],
    ids=[
        "pdf-as-png",
        "20000px",
        "url-10000",
        "javascript",
        "data-url",
        "empty",
        "kind",
        "honeypot",
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(fields, message):
    client = Client()
    data = dict(fields)
    if "screenshots" in data:
        data["screenshots"] = [_upload(n, d) for n, d in data["screenshots"]]
    response = _submit(client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Complaint.objects.count() == 0 and Screenshot.objects.count() == 0


def test_a_50mb_upload_is_refused_by_size_before_it_is_read():
    big = _upload("besar.jpg", b"\xff\xd8\xff" + b"\0" * (50 * 1024 * 1024), "image/jpeg")
    response = _submit(Client(), screenshots=[big])
    assert response.status_code == 400
    assert "Berkas besar.jpg ditolak: lebih dari 10 MB." in response.content.decode()
    assert Complaint.objects.count() == 0


def test_html_and_script_in_the_description_are_stored_as_plain_text():
    _submit(Client(), urls=URL, description='<script>alert("x")</script>Judi <b>online</b> di sini')
    complaint = Complaint.objects.get()
    assert complaint.description == 'alert("x")Judi online di sini'


def test_anonymous_submissions_from_one_address_are_limited(settings):
    client = Client()
    codes = [_submit(client, urls=f"https://x.com/a/status/{i}").status_code for i in range(7)]
    assert codes[:5] == [302] * 5
    assert codes[5:] == [429, 429]
    assert Complaint.objects.count() == 5
    limited = _submit(client, urls="https://x.com/a/status/99")
    assert "Terlalu banyak aduan dari alamat Anda" in limited.content.decode()


def test_who_sees_what(
    employee_client, employee, colleague, client_as, officer_client, auditor_client, outsider_client
):
    _submit(employee_client, urls=URL, description="promosi judi")
    complaint = Complaint.objects.get()
    assert complaint.reporter == employee
    assert complaint.ticket in employee_client.get("/aduan/saya/").content.decode()
    assert employee_client.get(f"/aduan/tiket/{complaint.ticket}/").status_code == 200
    other = client_as(colleague)
    assert other.get(f"/aduan/tiket/{complaint.ticket}/").status_code == 404
    assert complaint.ticket not in other.get("/aduan/saya/").content.decode()
    for c in (employee_client, other, outsider_client):
        assert c.get("/aduan/kelola/").status_code == 404
        assert c.get(f"/aduan/kelola/{complaint.ticket}/").status_code == 404
    assert officer_client.get(f"/aduan/kelola/{complaint.ticket}/").status_code == 200
    assert auditor_client.get(f"/aduan/kelola/{complaint.ticket}/").status_code == 200
    before = AuditEntry.objects.count()
    for action in ("telaah", "teruskan", "tutup", "gabung"):
        r = auditor_client.post(
            f"/aduan/kelola/{complaint.ticket}/{action}/",
            {"decision": "reject", "reason": "x", "channel": "aduankonten-email", "other": "X"},
        )
        assert r.status_code == 404
    complaint.refresh_from_db()
    assert complaint.status == Status.RECEIVED and AuditEntry.objects.count() == before


def test_duplicates_are_proposed_merged_by_an_officer_and_forwarded_with_the_evidence(
    officer_client, officer, smtp_server, immediate_tasks, django_capture_on_commit_callbacks
):
    first, second = Client(), Client()
    shot = _png(["Slot gacor maxwin", "depo 10rb wd cepat"])
    _submit(first, urls=URL, screenshots=[_upload("a.png", shot)])
    # a re-compressed, slightly cropped copy of the same screenshot, and the same post's link
    img = Image.open(io.BytesIO(shot)).convert("RGB").crop((0, 0, 860, 400))
    jpeg = io.BytesIO()
    img.save(jpeg, "JPEG", quality=50)
    _submit(second, urls=SAME_URL, screenshots=[_upload("b.jpg", jpeg.getvalue(), "image/jpeg")])
    a, b = Complaint.objects.order_by("id")
    reasons = set(Candidate.objects.filter(complaint=b, other=a).values_list("reason", flat=True))
    assert reasons == {"url", "image", "text"}  # same link, same picture, same OCR text
    page = officer_client.get(f"/aduan/kelola/{b.ticket}/").content.decode()
    assert a.ticket in page and "tautan sama" in page

    r = officer_client.post(f"/aduan/kelola/{a.ticket}/gabung/", {"other": b.ticket})
    assert r.status_code == 302
    b.refresh_from_db()
    assert b.group == a

    with django_capture_on_commit_callbacks(execute=True):
        r = officer_client.post(
            f"/aduan/kelola/{a.ticket}/teruskan/", {"channel": "aduankonten-email"}
        )
    assert r.status_code == 302
    notifications_send_due()
    smtp_server.wait(1)
    rcpt, message = smtp_server.messages[0]
    assert rcpt == ["aduankonten@mail.kominfo.go.id"]
    assert a.ticket in message["Subject"]
    attachments = {
        part.get_filename(): part.get_payload(decode=True) for part in message.iter_attachments()
    }
    stored = {s.pk: s for s in Screenshot.objects.all()}
    for shot_row in stored.values():
        name = next(
            n
            for n in attachments
            if n.endswith(f"-{shot_row.pk}.{'png' if shot_row.mime == 'image/png' else 'jpg'}")
        )
        assert hashlib.sha256(attachments[name]).hexdigest() == shot_row.sha256_stored
    hashes = next(v for n, v in attachments.items() if n.endswith("-hash.txt")).decode()
    for shot_row in stored.values():
        assert shot_row.sha256_original in hashes
    pdf = next(v for n, v in attachments.items() if n.endswith(".pdf"))
    assert pdf.startswith(b"%PDF")

    # both reporters see "Diteruskan"
    for visitor, complaint in ((first, a), (second, b)):
        html = visitor.get(f"/aduan/tiket/{complaint.ticket}/").content.decode()
        assert "Diteruskan" in html

    # reported again after forwarding: linked, with the earlier outcome shown
    third = Client()
    r = _submit(third, urls=URL)
    page = third.get(r["Location"]).content.decode()
    assert "pernah diadukan dan sudah ditindaklanjuti" in page and a.ticket in page

    officer_client.post(
        f"/aduan/kelola/{a.ticket}/jawaban/",
        {"external_ref": "AK-778", "reply": "Konten sudah diblokir."},
    )
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.status == b.status == Status.ANSWERED
    assert "Konten sudah diblokir." in second.get(f"/aduan/tiket/{b.ticket}/").content.decode()


def test_triage_corrects_rejects_and_other_channels(officer_client):
    _submit(Client(), urls=URL, kind="hoaks", description="Slot gacor maxwin depo 10rb")
    c = Complaint.objects.get()
    assert c.suggested_kind == "perjudian" and c.kind_mismatch
    officer_client.post(
        f"/aduan/kelola/{c.ticket}/telaah/", {"decision": "correct", "kind": "perjudian"}
    )
    c.refresh_from_db()
    assert (c.kind, c.kind_mismatch, c.status) == ("perjudian", False, Status.TRIAGE)
    r = officer_client.post(
        f"/aduan/kelola/{c.ticket}/teruskan/", {"channel": "aduankonten-whatsapp"}, follow=True
    )
    html = r.content.decode()
    assert "https://wa.me/628119224545?text=" in html
    r = officer_client.post(f"/aduan/kelola/{c.ticket}/tutup/", {"reason": ""}, follow=True)
    assert "Alasan penutupan" in r.content.decode()
    _submit(Client(), urls="https://x.com/b/status/5")
    spam = Complaint.objects.exclude(pk=c.pk).get()
    r = officer_client.post(
        f"/aduan/kelola/{spam.ticket}/telaah/", {"decision": "reject", "reason": ""}, follow=True
    )
    assert "Tuliskan alasan penolakan" in r.content.decode()
    officer_client.post(
        f"/aduan/kelola/{spam.ticket}/telaah/",
        {"decision": "reject", "reason": "Iklan, bukan konten negatif"},
    )
    spam.refresh_from_db()
    assert spam.status == Status.REJECTED


def test_queue_dashboard_and_home_panel(officer_client):
    _submit(Client(), urls=URL)
    assert "Antrean aduan" in officer_client.get("/").content.decode()
    html = officer_client.get("/aduan/kelola/?status=received").content.decode()
    assert Complaint.objects.get().ticket in html
    dash = officer_client.get("/aduan/kelola/dasbor/").content.decode()
    assert "Aduan per jenis" in dash and "<svg" in dash


def test_the_intake_page_speaks_english_when_asked():
    client = Client()
    client.post("/i18n/setlang/", {"language": "en", "next": "/aduan/"})
    html = client.get("/aduan/").content.decode()
    assert "Report negative content" in html and "Send the complaint" in html
    r = _submit(client, urls="javascript:alert(1)")
    assert "it must start with http:// or https://" in r.content.decode()


def test_guessing_a_ticket_key_is_limited_per_ticket_from_any_address():
    _submit(Client(), urls=URL)
    ticket = Complaint.objects.get().ticket
    codes = [
        Client(REMOTE_ADDR=f"10.0.0.{i}")
        .post("/aduan/tiket/", {"ticket": ticket, "key": f"salah-{i}"})
        .status_code
        for i in range(12)
    ]
    assert codes[:10] == [400] * 10 and codes[10:] == [429, 429]
