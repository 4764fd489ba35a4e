"""Demo complaints for `make demo`: one in every status, a merged group among them, so a
newcomer sees the whole flow. Posts, links and pictures are made up by the bijak authors."""

from __future__ import annotations

import io
from typing import Any

from django.contrib.auth import get_user_model

from bijak.site.complaints import services
from bijak.site.complaints.models import Complaint


def _picture(lines: list[str]) -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (720, 360), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    try:
        font: Any = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 34)
    except OSError:  # pragma: no cover - fonts-dejavu-core is a system dependency
        font = ImageFont.load_default()
    draw.rectangle([0, 0, 720, 56], fill=(40, 80, 160))
    for i, line in enumerate(lines):
        draw.text((24, 80 + i * 64), line, font=font, fill=(20, 20, 20))
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def complaints_demo_populate() -> int:
    """Create the demo complaints once; returns how many were created."""
    if Complaint.objects.exists():
        return 0
    from bijak.site.policies.selectors import policy_active

    policy = policy_active()
    users = get_user_model().objects
    officer = users.get(username="petugas")
    employee = users.get(username="pegawai")

    def submit(
        reporter: Any, kind: str, urls: list[str], text: str, shots: tuple[bytes, ...] = ()
    ) -> Complaint:
        prepared = services.complaint_prepare(
            policy=policy,
            kind=kind,
            description=text,
            urls=urls,
            screenshots=[
                services.UploadedScreenshot(filename=f"tangkapan-{i + 1}.png", data=d)
                for i, d in enumerate(shots)
            ],
        )
        return services.complaint_submit(reporter=reporter, prepared=prepared).complaint

    gambling = _picture(
        ["Slot gacor maxwin hari ini!", "Depo 10rb langsung WD", "Daftar di link bio"]
    )
    first = submit(
        employee,
        "perjudian",
        ["https://www.instagram.com/p/DEMOjudi01/?igsh=abc"],
        "Akun ini mempromosikan judi online setiap hari dan menandai akun puskesmas.",
        (gambling,),
    )
    second = submit(
        None,
        "perjudian",
        ["https://instagram.com/reel/DEMOjudi01/"],
        "Iklan judi slot, tolong ditindak.",
    )
    services.complaint_merge(actor=officer, primary=first, duplicate=second)
    services.complaint_triage(actor=officer, complaint=first, decision="accept", policy=policy)
    services.complaint_forward(
        actor=officer, complaint=first, channel_id="aduankonten-email", policy=policy
    )

    answered = submit(
        employee,
        "hoaks",
        ["https://x.com/kabar_heboh/status/1801234567890123456"],
        "Pesan berantai: vaksin campak menyebabkan autisme, jangan bawa anak ke posyandu.",
    )
    services.complaint_triage(actor=officer, complaint=answered, decision="accept", policy=policy)
    services.complaint_forward(
        actor=officer, complaint=answered, channel_id="aduankonten-web", policy=policy
    )
    services.complaint_record_reply(
        actor=officer,
        complaint=answered,
        external_ref="AK-2026-11873",
        reply="Konten telah diverifikasi sebagai hoaks dan diajukan pemblokiran.",
    )

    closed = submit(
        None,
        "penipuan",
        ["https://www.facebook.com/story.php?story_fbid=pfbid0DEMOtipu&id=1000"],
        "Akun palsu mengatasnamakan Kemenkes, minta transfer biaya pendaftaran nakes.",
    )
    services.complaint_triage(actor=officer, complaint=closed, decision="accept", policy=policy)
    services.complaint_forward(
        actor=officer, complaint=closed, channel_id="aduankonten-whatsapp", policy=policy
    )
    services.complaint_close(
        actor=officer,
        complaint=closed,
        reason="Akun sudah tidak aktif; tidak ada tindak lanjut lagi.",
    )

    triage = submit(
        employee,
        "hoaks",
        ["https://youtu.be/dQw4w9WgXcQ?si=demo"],
        "Video menjual obat kuat tanpa izin edar, katanya pasti sembuh.",
    )
    services.complaint_triage(
        actor=officer,
        complaint=triage,
        decision="correct",
        kind="narkoba",
        policy=policy,
        reason="Obat tanpa izin edar; diteruskan setelah dicek BPOM.",
    )

    rejected = submit(
        None,
        "pornografi",
        ["https://contoh-toko.example/promo?utm_source=wa"],
        "Promo diskon toko baju.",
    )
    services.complaint_triage(
        actor=officer,
        complaint=rejected,
        decision="reject",
        policy=policy,
        reason="Iklan toko biasa, bukan konten negatif.",
    )

    submit(
        None,
        "ujaran_kebencian_sara",
        ["https://www.tiktok.com/@akun_provokator/video/7350000000000000001"],
        "Video menghina suku tertentu dan mengajak bermusuhan.",
    )
    return Complaint.objects.count()
