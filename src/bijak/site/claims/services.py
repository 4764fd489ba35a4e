"""Writes of the knowledge base kept in the site; each in one transaction with its audit entry."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bijak.site.audit.services import audit_record
from bijak.site.claims.models import ClaimRecord
from bijak.site.columns import plain_text

MAX_CLAIMS = 10
MAX_CLAIM_CHARS = 500
MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ClaimInputError(ValueError):
    """What the officer must fix (translated), per field."""

    def __init__(self, errors: dict[str, list[str]]) -> None:
        super().__init__("; ".join(m for ms in errors.values() for m in ms))
        self.errors = errors


def _plain(value: str) -> str:
    """Plain text on one line (whitespace collapsed)."""
    return " ".join(plain_text(value).split())


def _checked(*, topic: str, claims: list[str], fact: str, source: str) -> dict[str, Any]:
    errors: dict[str, list[str]] = {}
    topic = _plain(topic)[:60]
    lines = [_plain(c) for c in claims if _plain(c)]
    fact = _plain(fact)
    source = (source or "").strip()
    if not topic:
        errors.setdefault("topic", []).append(_("Isi topik, misalnya vaksin atau kanker."))
    if not lines:
        errors.setdefault("claims", []).append(_("Tulis paling sedikit satu bunyi klaim."))
    if len(lines) > MAX_CLAIMS:
        errors.setdefault("claims", []).append(
            _("Paling banyak %(n)d bunyi klaim.") % {"n": MAX_CLAIMS}
        )
    if any(len(c) > MAX_CLAIM_CHARS for c in lines):
        errors.setdefault("claims", []).append(
            _("Satu bunyi klaim paling banyak %(n)d karakter.") % {"n": MAX_CLAIM_CHARS}
        )
    if any(len(c.split()) < 3 for c in lines):
        errors.setdefault("claims", []).append(
            _("Setiap bunyi klaim paling sedikit tiga kata, agar tidak cocok dengan hal lain.")
        )
    if not fact:
        errors.setdefault("fact", []).append(_("Tulis fakta yang benar dalam bahasa sederhana."))
    if len(fact) > 2000:
        errors.setdefault("fact", []).append(_("Fakta paling banyak 2000 karakter."))
    if not source.startswith("https://") or len(source) > 500 or " " in source:
        errors.setdefault("source", []).append(
            _("Sumber harus alamat https:// dari situs resmi atau pemeriksa fakta.")
        )
    if errors:
        raise ClaimInputError(errors)
    return {"topic": topic, "claims": lines[:MAX_CLAIMS], "fact": fact, "source": source}


def _next_id() -> str:
    last = ClaimRecord.objects.filter(entry_id__startswith="site-").count()
    n = last + 1
    while ClaimRecord.objects.filter(entry_id=f"site-{n:04d}").exists():
        n += 1
    return f"site-{n:04d}"


@transaction.atomic
def claim_create(
    *, actor: Any, topic: str, claims: list[str], fact: str, source: str
) -> ClaimRecord:
    data = _checked(topic=topic, claims=claims, fact=fact, source=source)
    now = timezone.now()
    record = ClaimRecord.objects.create(
        entry_id=_next_id(),
        origin=ClaimRecord.Origin.OFFICER,
        created_by=actor,
        created_at=now,
        updated_at=now,
        **data,
    )
    audit_record(
        actor=actor,
        action="claim.create",
        target_type="claims.ClaimRecord",
        target_id=record.pk,
        data={"entry_id": record.entry_id, **data},
    )
    return record


@transaction.atomic
def claim_update(
    *, actor: Any, record: ClaimRecord, topic: str, claims: list[str], fact: str, source: str
) -> ClaimRecord:
    data = _checked(topic=topic, claims=claims, fact=fact, source=source)
    record = ClaimRecord.objects.select_for_update().get(pk=record.pk)
    before = {
        "topic": record.topic,
        "claims": record.claims,
        "fact": record.fact,
        "source": record.source,
    }
    for key, value in data.items():
        setattr(record, key, value)
    record.updated_at = timezone.now()
    record.save(update_fields=[*data.keys(), "updated_at"])
    audit_record(
        actor=actor,
        action="claim.update",
        target_type="claims.ClaimRecord",
        target_id=record.pk,
        data={"entry_id": record.entry_id, "before": before, "after": data},
    )
    return record


@transaction.atomic
def claim_set_active(*, actor: Any, record: ClaimRecord, active: bool) -> ClaimRecord:
    record = ClaimRecord.objects.select_for_update().get(pk=record.pk)
    record.active = active
    record.updated_at = timezone.now()
    record.save(update_fields=["active", "updated_at"])
    audit_record(
        actor=actor,
        action="claim.activate" if active else "claim.deactivate",
        target_type="claims.ClaimRecord",
        target_id=record.pk,
        data={"entry_id": record.entry_id},
    )
    return record


@dataclass(frozen=True)
class ImportResult:
    created: int
    skipped: int


@transaction.atomic
def claims_import_claimreview(*, actor: Any, data: bytes) -> ImportResult:
    """Entries from a ClaimReview JSON document (schema.org ClaimReview, a list, an @graph, or a
    Fact Check Tools answer); claims rated false or misleading only; known ones skipped."""
    from bijak.engine.claims import ClaimDataError, import_claimreview

    if len(data) > MAX_IMPORT_BYTES:
        raise ClaimInputError({"file": [_("Berkas lebih dari 5 MB.")]})
    try:
        entries = import_claimreview(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ClaimInputError({"file": [_("Berkas bukan teks UTF-8.")]}) from None
    except (ValueError, RecursionError, ClaimDataError):
        raise ClaimInputError(
            {"file": [_("Berkas bukan JSON ClaimReview yang dapat dibaca.")]}
        ) from None
    now = timezone.now()
    created = skipped = 0
    for entry in entries:
        if ClaimRecord.objects.filter(entry_id=entry.id).exists():
            skipped += 1
            continue
        claims = [_plain(c)[:MAX_CLAIM_CHARS] for c in entry.claims if _plain(c)]
        if not claims:
            skipped += 1
            continue
        ClaimRecord.objects.create(
            entry_id=entry.id,
            topic=entry.topic[:60],
            claims=claims,
            fact=_plain(entry.fact)[:2000],
            source=entry.source[:500],
            origin=ClaimRecord.Origin.CLAIMREVIEW,
            created_by=actor,
            created_at=now,
            updated_at=now,
        )
        created += 1
    audit_record(
        actor=actor,
        action="claim.import",
        target_type="claims.ClaimRecord",
        target_id="",
        data={"created": created, "skipped": skipped, "ids": [e.id for e in entries][:200]},
    )
    return ImportResult(created=created, skipped=skipped)
