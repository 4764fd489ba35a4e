"""Writes of the complaints app. Every write is one transaction with its audit entry.

Submitting is two steps: :func:`complaint_prepare` checks and reads everything outside any
transaction (link canonicalisation, screenshot checks, OCR, the engine's suggestion) and raises
:class:`ComplaintInputError` with translated messages per field; :func:`complaint_submit` then
writes the complaint, its links and screenshots and the duplicate candidates at once.
"""

from __future__ import annotations

import hashlib
import io
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.columns import plain_text
from bijak.site.complaints.models import (
    MAX_DESCRIPTION,
    MAX_SCREENSHOTS,
    MAX_URLS,
    Candidate,
    Complaint,
    Event,
    Forward,
    Link,
    Screenshot,
    Status,
)

TICKET_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
DEDUP_WINDOW = 5000
"""How many recent complaints (and their screenshots) a new one is compared with."""


class ComplaintInputError(ValueError):
    """What the reporter must fix; ``errors`` maps a field to translated messages."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


class ComplaintStateError(ValueError):
    """An action not allowed in the complaint's current state (translated)."""


@dataclass(frozen=True)
class UploadedScreenshot:
    filename: str
    data: bytes


@dataclass(frozen=True)
class PreparedShot:
    filename: str
    mime: str
    data: bytes
    sha256_original: str
    sha256_stored: str
    size_original: int
    width: int
    height: int
    phash: int
    variants: str
    ocr_text: str
    ocr_error: str


@dataclass(frozen=True)
class Prepared:
    kind: str
    description: str
    links: tuple[Any, ...]
    """bijak.intake.urls.CanonicalUrl values."""
    shots: tuple[PreparedShot, ...]
    suggested_kind: str
    suggestion: dict[str, Any]
    fingerprint: int


@dataclass(frozen=True)
class Submitted:
    complaint: Complaint
    key: str
    """The ticket key, shown once to the reporter; only its hash is stored."""
    duplicates: list[str] = field(default_factory=list)
    repeats: list[dict[str, str]] = field(default_factory=list)
    """Earlier complaints about the same content that were already forwarded or closed."""


def _kinds(policy: Any) -> dict[str, Any]:
    return {k.id: k for k in policy.complaint_kinds}


def _suggest(policy: Any, text: str) -> tuple[str, dict[str, Any]]:
    """The engine's reading of the complaint's text: the complaint kind whose categories it
    finds most strongly, with the evidence words (masked)."""
    if not text.strip():
        return "", {}
    from bijak.site.claims.selectors import site_pipeline

    report = site_pipeline(policy).analyze(text[:20_000], explain=False)
    by_category = {c.id: c for c in report.categories if c.verdict != "aman"}
    best_kind, best_score = "", 0.0
    for kind in policy.complaint_kinds:
        for cat in kind.categories:
            hit = by_category.get(cat)
            if hit is not None and hit.score > best_score:
                best_kind, best_score = kind.id, hit.score
    evidence = sorted(
        {
            f.evidence.strip()
            for f in report.findings
            if f.category in by_category
            and f.evidence
            and not f.recognizer.startswith("bijak.model")  # the model's span is the whole text
            and len(f.evidence) <= 60
        }
    )[:8]
    return best_kind, {
        "verdict": report.verdict,
        "categories": [
            {"id": c.id, "score": round(c.score, 3), "verdict": c.verdict}
            for c in report.categories
            if c.verdict != "aman"
        ],
        "evidence": evidence,
    }


def complaint_prepare(
    *,
    policy: Any,
    kind: str,
    description: str,
    urls: list[str],
    screenshots: list[UploadedScreenshot],
    ocr: bool = True,
) -> Prepared:
    """Check and read a complaint outside any transaction; raises ComplaintInputError."""
    from bijak.intake.images import ImageError, clean_copy, variants_to_text
    from bijak.intake.text import OcrError, ocr_image, simhash
    from bijak.intake.urls import UrlError, canonicalize

    errors: dict[str, list[str]] = {}
    kinds = _kinds(policy)
    if kind not in kinds:
        errors.setdefault("kind", []).append(_("Pilih jenis konten dari daftar."))
    text = plain_text(description)
    if len(text) > MAX_DESCRIPTION:
        errors.setdefault("description", []).append(
            _("Keterangan paling banyak %(n)d karakter.") % {"n": MAX_DESCRIPTION}
        )
    raw_urls = [u.strip() for u in urls if u and u.strip()]
    if len(raw_urls) > MAX_URLS:
        errors.setdefault("urls", []).append(
            _("Paling banyak %(n)d tautan per aduan.") % {"n": MAX_URLS}
        )
    links = []
    seen: set[str] = set()
    for raw in raw_urls[:MAX_URLS]:
        try:
            link = canonicalize(raw)
        except UrlError as exc:
            shown = raw if len(raw) <= 80 else raw[:77] + "…"
            errors.setdefault("urls", []).append(
                _("Tautan %(url)s tidak dapat diterima: %(reason)s.")
                % {"url": shown, "reason": _url_reason(exc.code)}
            )
            continue
        if link.key not in seen:
            seen.add(link.key)
            links.append(link)
    if len(screenshots) > MAX_SCREENSHOTS:
        errors.setdefault("screenshots", []).append(
            _("Paling banyak %(n)d tangkapan layar per aduan.") % {"n": MAX_SCREENSHOTS}
        )
    shots: list[PreparedShot] = []
    for upload in screenshots[:MAX_SCREENSHOTS]:
        try:
            clean = clean_copy(upload.data)
        except ImageError as exc:
            errors.setdefault("screenshots", []).append(
                _("Berkas %(name)s ditolak: %(reason)s.")
                % {"name": _safe_name(upload.filename), "reason": _image_reason(exc.code)}
            )
            continue
        ocr_text, ocr_error = "", ""
        if ocr:
            from PIL import Image

            try:
                ocr_text = plain_text(ocr_image(Image.open(io.BytesIO(clean.data))).text)
            except OcrError as exc:
                ocr_error = str(exc)[:300]
        shots.append(
            PreparedShot(
                filename=_safe_name(upload.filename),
                mime=clean.mime,
                data=clean.data,
                sha256_original=clean.info.sha256,
                sha256_stored=hashlib.sha256(clean.data).hexdigest(),
                size_original=clean.info.size,
                width=clean.info.width,
                height=clean.info.height,
                phash=clean.phash,
                variants=variants_to_text(clean.variants),
                ocr_text=ocr_text[: MAX_DESCRIPTION * 4],
                ocr_error=ocr_error,
            )
        )
    if not errors and not links and not shots:
        errors.setdefault("urls", []).append(
            _("Sertakan paling sedikit satu tautan atau satu tangkapan layar.")
        )
    if errors:
        raise ComplaintInputError(errors)
    all_text = "\n".join([text, *(s.ocr_text for s in shots)])
    suggested, suggestion = _suggest(policy, all_text)
    return Prepared(
        kind=kind,
        description=text,
        links=tuple(links),
        shots=tuple(shots),
        suggested_kind=suggested,
        suggestion=suggestion,
        fingerprint=simhash(all_text),
    )


def _url_reason(code: str) -> str:
    return {
        "bad_scheme": _("harus diawali http:// atau https://"),
        "too_long": _("terlalu panjang"),
        "bad_chars": _("berisi spasi atau karakter kendali"),
        "bad_host": _("tidak memuat nama situs yang sah"),
        "empty": _("kosong"),
    }.get(code, _("tidak dapat dibaca"))


def _image_reason(code: str) -> str:
    return {
        "not_image": _("bukan gambar PNG, JPEG atau WebP"),
        "too_large": _("lebih dari 10 MB"),
        "too_many_pixels": _("ukuran gambar terlalu besar (paling banyak 40 juta piksel)"),
        "damaged": _("gambar rusak atau terpotong"),
        "empty": _("berkas kosong"),
    }.get(code, _("tidak dapat dibaca"))


def _safe_name(name: str) -> str:
    base = (name or "tangkapan").replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = "".join(ch for ch in base if ch.isalnum() or ch in "._- ")[:100].strip()
    return cleaned or "tangkapan"


def _new_ticket() -> str:
    for _attempt in range(20):
        code = "".join(secrets.choice(TICKET_ALPHABET) for _ in range(8))
        ticket = f"ADU-{code[:4]}-{code[4:]}"
        if not Complaint.objects.filter(ticket=ticket).exists():
            return ticket
    raise RuntimeError("could not draw a free ticket number")  # pragma: no cover


def key_hash(key: str) -> str:
    return hashlib.sha256(key.strip().encode("utf-8")).hexdigest()


def _event(complaint: Complaint, *, actor: Any, action: str, note: str = "") -> Event:
    return Event.objects.create(
        complaint=complaint,
        at=timezone.now(),
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        action=action,
        status=complaint.status,
        note=note[:500],
    )


def _candidates(complaint: Complaint, prepared: Prepared) -> list[tuple[int, str]]:
    from bijak.intake.images import same_picture, variants_from_text
    from bijak.intake.text import similar_text

    found: list[tuple[int, str]] = []
    keys = [link.key for link in prepared.links]
    if keys:
        for other_id in (
            Link.objects.filter(key__in=keys)
            .exclude(complaint=complaint)
            .values_list("complaint_id", flat=True)
            .distinct()
        ):
            found.append((other_id, Candidate.Reason.URL))
    if prepared.shots:
        recent = (
            Screenshot.objects.exclude(complaint=complaint)
            .order_by("-id")
            .values_list("complaint_id", "phash", "variants")[:DEDUP_WINDOW]
        )
        mine = [(s.phash, variants_from_text(s.variants)) for s in prepared.shots]
        for other_id, phash, variants in recent:
            theirs = variants_from_text(variants)
            if any(same_picture(p, v, phash, theirs) for p, v in mine):
                found.append((other_id, Candidate.Reason.IMAGE))
    if prepared.fingerprint:
        recent_text = (
            Complaint.objects.exclude(pk=complaint.pk)
            .exclude(text_fingerprint=0)
            .order_by("-id")
            .values_list("pk", "text_fingerprint")[:DEDUP_WINDOW]
        )
        for other_id, fp in recent_text:
            if similar_text(prepared.fingerprint, fp):
                found.append((other_id, Candidate.Reason.TEXT))
    return list(dict.fromkeys(found))


@transaction.atomic
def complaint_submit(*, reporter: Any | None, prepared: Prepared) -> Submitted:
    """Store a prepared complaint with its evidence and duplicate candidates."""
    now = timezone.now()
    key = secrets.token_urlsafe(15)
    user = reporter if getattr(reporter, "is_authenticated", False) else None
    complaint = Complaint.objects.create(
        ticket=_new_ticket(),
        key_hash=key_hash(key),
        reporter=user,
        kind=prepared.kind,
        description=prepared.description,
        suggested_kind=prepared.suggested_kind,
        suggestion=prepared.suggestion,
        kind_mismatch=bool(prepared.suggested_kind and prepared.suggested_kind != prepared.kind),
        text_fingerprint=prepared.fingerprint,
        created_at=now,
        updated_at=now,
    )
    Link.objects.bulk_create(
        Link(
            complaint=complaint,
            original=link.original[:2048],
            url=link.url[:2048],
            platform=link.platform,
            kind=link.kind,
            key=link.key[:300],
        )
        for link in prepared.links
    )
    for shot in prepared.shots:
        Screenshot.objects.create(
            complaint=complaint,
            filename=shot.filename,
            mime=shot.mime,
            data=shot.data,
            sha256_original=shot.sha256_original,
            sha256_stored=shot.sha256_stored,
            size_original=shot.size_original,
            width=shot.width,
            height=shot.height,
            phash=shot.phash,
            variants=shot.variants,
            ocr_text=shot.ocr_text,
            ocr_error=shot.ocr_error,
        )
    pairs = _candidates(complaint, prepared)
    # proposed both ways, so the earlier complaint's page shows the newcomer too
    Candidate.objects.bulk_create(
        [Candidate(complaint=complaint, other_id=other_id, reason=r) for other_id, r in pairs]
        + [Candidate(complaint_id=other_id, other=complaint, reason=r) for other_id, r in pairs],
        ignore_conflicts=True,
    )
    others = {
        c.pk: c
        for c in Complaint.objects.filter(pk__in={o for o, _r in pairs}).select_related("group")
    }
    duplicates = sorted({others[o].ticket for o, _r in pairs})
    repeats = []
    for other in others.values():
        primary = other.primary
        if primary.status in (Status.FORWARDED, Status.ANSWERED, Status.CLOSED):
            repeats.append(
                {
                    "ticket": primary.ticket,
                    "status": primary.get_status_display(),
                    "reason": primary.status_reason,
                }
            )
    _event(complaint, actor=user, action="submitted")
    audit_record(
        actor=user,
        action="complaint.submit",
        target_type="complaints.Complaint",
        target_id=complaint.pk,
        data={
            "ticket": complaint.ticket,
            "kind": complaint.kind,
            "anonymous": user is None,
            "links": [link.key for link in prepared.links],
            "screenshots": [s.sha256_original for s in prepared.shots],
            "candidates": duplicates,
        },
    )
    return Submitted(complaint=complaint, key=key, duplicates=duplicates, repeats=repeats)


def _locked(complaint: Complaint) -> Complaint:
    return Complaint.objects.select_for_update().get(pk=complaint.pk)


def _set_status(
    complaint: Complaint, status: str, *, actor: Any, action: str, reason: str = ""
) -> None:
    complaint.status = status
    complaint.status_reason = reason[:500]
    complaint.updated_at = timezone.now()
    complaint.save(update_fields=["status", "status_reason", "updated_at"])
    _event(complaint, actor=actor, action=action, note=reason)
    # merged complaints follow their group's status
    Complaint.objects.filter(group=complaint).update(
        status=status, status_reason=reason[:500], updated_at=complaint.updated_at
    )


def _require_primary(complaint: Complaint) -> None:
    if complaint.group_id is not None:
        raise ComplaintStateError(
            _("Aduan ini sudah digabung ke %(ticket)s; tindak lanjuti aduan itu.")
            % {"ticket": complaint.primary.ticket}
        )


@transaction.atomic
def complaint_triage(
    *,
    actor: Any,
    complaint: Complaint,
    decision: str,
    kind: str = "",
    reason: str = "",
    policy: Any,
) -> Complaint:
    """Accept the reporter's kind, correct it, or reject the complaint (spam, not negative
    content) with a reason."""
    complaint = _locked(complaint)
    _require_primary(complaint)
    if complaint.status not in (Status.RECEIVED, Status.TRIAGE):
        raise ComplaintStateError(
            _("Aduan yang sudah diteruskan atau ditutup tidak ditelaah lagi.")
        )
    reason = plain_text(reason)
    before = complaint.kind
    if decision == "reject":
        if not reason:
            raise ComplaintStateError(_("Tuliskan alasan penolakan; pelapor akan membacanya."))
        _set_status(complaint, Status.REJECTED, actor=actor, action="rejected", reason=reason)
    elif decision in ("accept", "correct"):
        if decision == "correct":
            if kind not in _kinds(policy):
                raise ComplaintStateError(_("Pilih jenis konten dari daftar."))
            complaint.kind = kind
            complaint.kind_mismatch = bool(
                complaint.suggested_kind and complaint.suggested_kind != kind
            )
            complaint.save(update_fields=["kind", "kind_mismatch"])
        _set_status(complaint, Status.TRIAGE, actor=actor, action=decision, reason=reason)
    else:
        raise ComplaintStateError(_("Keputusan telaah tidak dikenal."))
    audit_record(
        actor=actor,
        action=f"complaint.triage.{decision}",
        target_type="complaints.Complaint",
        target_id=complaint.pk,
        data={
            "ticket": complaint.ticket,
            "kind_before": before,
            "kind": complaint.kind,
            "reason": reason,
        },
    )
    return complaint


@transaction.atomic
def complaint_merge(*, actor: Any, primary: Complaint, duplicate: Complaint) -> Complaint:
    """Merge ``duplicate`` (and everything merged into it) into ``primary``'s group. Every
    reporter keeps their ticket and sees the group's status."""
    primary = _locked(primary).primary
    duplicate = _locked(duplicate)
    if duplicate.primary.pk == primary.pk:
        raise ComplaintStateError(_("Kedua aduan sudah satu kelompok."))
    if duplicate.group_id is not None:
        duplicate = duplicate.primary
    moved = list(Complaint.objects.filter(group=duplicate).values_list("ticket", flat=True))
    Complaint.objects.filter(group=duplicate).update(group=primary)
    duplicate.group = primary
    duplicate.status = primary.status
    duplicate.status_reason = primary.status_reason
    duplicate.updated_at = timezone.now()
    duplicate.save(update_fields=["group", "status", "status_reason", "updated_at"])
    Candidate.objects.filter(complaint=duplicate, other=primary).update(dismissed=True)
    Candidate.objects.filter(complaint=primary, other=duplicate).update(dismissed=True)
    Candidate.objects.filter(complaint__in=(primary, duplicate), other__group=primary).update(
        dismissed=True
    )
    note = _("Digabung dengan %(ticket)s.") % {"ticket": primary.ticket}
    _event(duplicate, actor=actor, action="merged", note=note)
    _event(
        primary,
        actor=actor,
        action="merged_in",
        note=_("%(ticket)s digabung ke aduan ini.") % {"ticket": duplicate.ticket},
    )
    audit_record(
        actor=actor,
        action="complaint.merge",
        target_type="complaints.Complaint",
        target_id=primary.pk,
        data={"primary": primary.ticket, "merged": [duplicate.ticket, *moved]},
    )
    return primary


@transaction.atomic
def complaint_dismiss_candidate(*, actor: Any, candidate: Candidate) -> None:
    Candidate.objects.filter(complaint=candidate.complaint, other=candidate.other).update(
        dismissed=True
    )
    Candidate.objects.filter(complaint=candidate.other, other=candidate.complaint).update(
        dismissed=True
    )
    audit_record(
        actor=actor,
        action="complaint.candidate.dismiss",
        target_type="complaints.Complaint",
        target_id=candidate.complaint_id,
        data={"other": candidate.other.ticket, "reason": candidate.reason},
    )


@dataclass(frozen=True)
class ForwardResult:
    forward: Forward
    whatsapp_link: str = ""
    portal_text: str = ""


def forward_summary(complaint: Complaint, policy: Any, lang: str = "id") -> str:
    """The plain-text summary pasted into the portal or sent over WhatsApp."""
    kinds = _kinds(policy)
    kind = kinds[complaint.kind].label(lang) if complaint.kind in kinds else complaint.kind
    group = [complaint, *complaint.members.all()]
    lines = [
        _("Aduan konten negatif %(ticket)s") % {"ticket": complaint.ticket},
        _("Jenis: %(kind)s") % {"kind": kind},
    ]
    urls = list(dict.fromkeys(link.url for c in group for link in c.links.all()))
    if urls:
        lines.append(_("Tautan:"))
        lines += [f"- {u}" for u in urls]
    descriptions = [c.description for c in group if c.description]
    if descriptions:
        lines.append(_("Keterangan: %(text)s") % {"text": descriptions[0][:1000]})
    shots = [s for c in group for s in c.screenshots.all()]
    if shots:
        lines.append(_("Tangkapan layar: %(n)d berkas (SHA-256 berkas asli):") % {"n": len(shots)})
        lines += [f"- {s.filename}: {s.sha256_original}" for s in shots]
    lines.append(
        _("Dilaporkan oleh %(n)d pelapor; pertama diterima %(at)s.")
        % {
            "n": len(group),
            "at": timezone.localtime(complaint.created_at).strftime("%Y-%m-%d %H:%M"),
        }
    )
    return "\n".join(lines)


@transaction.atomic
def complaint_forward(
    *, actor: Any, complaint: Complaint, channel_id: str, policy: Any
) -> ForwardResult:
    """Forward over a channel of the policy: e-mail (with the screenshots, a summary PDF and the
    hashes attached, through the outbox), WhatsApp (a prepared wa.me link for the officer to
    send) or the web portal (a summary to paste)."""
    complaint = _locked(complaint)
    _require_primary(complaint)
    if complaint.status in (Status.REJECTED, Status.CLOSED):
        raise ComplaintStateError(_("Aduan yang ditolak atau ditutup tidak dapat diteruskan."))
    channel = next((c for c in policy.channels if c.id == channel_id and c.active), None)
    if channel is None or channel.kind not in ("email", "whatsapp", "web"):
        raise ComplaintStateError(_("Pilih kanal pengaduan dari daftar."))
    summary = forward_summary(complaint, policy)
    forward = Forward.objects.create(
        complaint=complaint,
        channel_id=channel.id,
        channel_kind=channel.kind,
        channel_value=channel.value,
        actor=actor,
        at=timezone.now(),
    )
    result = ForwardResult(forward=forward)
    if channel.kind == "email":
        from bijak.site.notifications.services import notification_enqueue

        forward.notification = notification_enqueue(
            recipient=actor,
            address=channel.value,
            template="complaints/forward",
            context={
                "ticket": complaint.ticket,
                "summary": summary,
                "attachments": {"provider": "complaints.evidence", "complaint_id": complaint.pk},
            },
            actor=actor,
            language="id",
        )
        forward.save(update_fields=["notification"])
    elif channel.kind == "whatsapp":
        result = ForwardResult(
            forward=forward, whatsapp_link=f"{channel.href}?text={quote(summary)}"
        )
    else:
        result = ForwardResult(forward=forward, portal_text=summary)
    _set_status(
        complaint,
        Status.FORWARDED,
        actor=actor,
        action="forwarded",
        reason=_("Diteruskan ke %(channel)s.") % {"channel": channel.label},
    )
    audit_record(
        actor=actor,
        action="complaint.forward",
        target_type="complaints.Complaint",
        target_id=complaint.pk,
        data={
            "ticket": complaint.ticket,
            "channel": channel.id,
            "kind": channel.kind,
            "summary_sha256": hashlib.sha256(summary.encode("utf-8")).hexdigest(),
        },
    )
    return result


@transaction.atomic
def complaint_record_reply(
    *, actor: Any, complaint: Complaint, external_ref: str, reply: str
) -> Complaint:
    """What the channel answered (its ticket number, its reply); the reporters see 'answered'."""
    complaint = _locked(complaint)
    _require_primary(complaint)
    forward = complaint.forwards.first()
    if forward is None:
        raise ComplaintStateError(_("Aduan belum diteruskan; belum ada jawaban untuk dicatat."))
    forward.external_ref = plain_text(external_ref)[:100]
    forward.reply = plain_text(reply)[:MAX_DESCRIPTION]
    forward.replied_at = timezone.now()
    forward.save(update_fields=["external_ref", "reply", "replied_at"])
    _set_status(
        complaint,
        Status.ANSWERED,
        actor=actor,
        action="answered",
        reason=forward.reply[:500],
    )
    audit_record(
        actor=actor,
        action="complaint.reply",
        target_type="complaints.Complaint",
        target_id=complaint.pk,
        data={"ticket": complaint.ticket, "external_ref": forward.external_ref},
    )
    return complaint


@transaction.atomic
def complaint_close(*, actor: Any, complaint: Complaint, reason: str) -> Complaint:
    complaint = _locked(complaint)
    _require_primary(complaint)
    reason = plain_text(reason)
    if not reason:
        raise ComplaintStateError(_("Tuliskan alasan penutupan; pelapor akan membacanya."))
    if complaint.status == Status.CLOSED:
        raise ComplaintStateError(_("Aduan sudah ditutup."))
    _set_status(complaint, Status.CLOSED, actor=actor, action="closed", reason=reason)
    audit_record(
        actor=actor,
        action="complaint.close",
        target_type="complaints.Complaint",
        target_id=complaint.pk,
        data={"ticket": complaint.ticket, "reason": reason},
    )
    return complaint


def evidence_attachments(spec: dict[str, Any]) -> list[tuple[str, bytes, str]]:
    """Attachment provider for the outbox: the group's screenshots (the stored copies), a
    summary PDF and a text file with every hash."""
    complaint = Complaint.objects.get(pk=spec["complaint_id"])
    group = [complaint, *complaint.members.all()]
    files: list[tuple[str, bytes, str]] = []
    hashes = []
    for c in group:
        for shot in c.screenshots.all():
            ext = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}[shot.mime]
            name = f"{c.ticket}-{shot.pk}.{ext}"
            files.append((name, bytes(shot.data), shot.mime))
            hashes.append(
                f"{name}  sha256-tersimpan={shot.sha256_stored}  sha256-asli={shot.sha256_original}"
            )
    from bijak.site.policies.selectors import policy_active

    summary = forward_summary(complaint, policy_active())
    files.append((f"{complaint.ticket}-ringkasan.pdf", summary_pdf(summary), "application/pdf"))
    files.append(
        (f"{complaint.ticket}-hash.txt", ("\n".join(hashes) + "\n").encode("utf-8"), "text/plain")
    )
    return files


def summary_pdf(text: str) -> bytes:
    """The summary as a one-page PDF (fpdf2, DejaVu for Indonesian text)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.add_page()
    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    try:
        pdf.add_font("DejaVu", "", font)
        pdf.set_font("DejaVu", size=11)
    except (OSError, FileNotFoundError):  # pragma: no cover - fonts-dejavu-core is a system dep
        pdf.set_font("Helvetica", size=11)
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())
