"""Loading a policy file into a `Policy`. Nothing here knows which agency the file is for."""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from typing import Any

from bijak.policy.model import (
    Category,
    Channel,
    Clause,
    ComplaintKind,
    Consequence,
    Dissemination,
    LegalBasis,
    Policy,
    Section,
    SourceFix,
)
from bijak.policy.validate import PolicyError, validate_bytes

DATA_DIR = Path(__file__).with_name("data")
DEFAULT_POLICY_PATH = DATA_DIR / "kemenkes-hk0202-2438-2018.yaml"

_cache: dict[str, Policy] = {}
_cache_lock = threading.Lock()


def content_hash(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def load_policy(path: str | Path | None = None) -> Policy:
    """Load and validate a policy file (the shipped one by default).

    Raises `PolicyError` (with every issue) for an invalid file, `FileNotFoundError` for a
    missing one. Results are cached by the sha256 of the file's bytes.
    """
    file = Path(path) if path is not None else DEFAULT_POLICY_PATH
    raw = file.read_bytes()
    return parse_policy(raw, source=str(file))


def parse_policy(raw: bytes | str, *, source: str = "<text>") -> Policy:
    """Build a `Policy` from the bytes (or text) of a policy file; cached by content hash."""
    data_bytes = raw.encode("utf-8") if isinstance(raw, str) else raw
    digest = content_hash(data_bytes)
    with _cache_lock:
        cached = _cache.get(digest)
    if cached is not None:
        return cached
    data, issues = validate_bytes(data_bytes)
    if issues:
        raise PolicyError(issues, source)
    policy = _build(data, digest, source)
    with _cache_lock:
        if len(_cache) > 64:
            _cache.clear()
        _cache[digest] = policy
    return policy


def _s(d: dict[str, Any], key: str) -> str:
    value = d.get(key, "")
    return "" if value is None else str(value)


def _build(data: dict[str, Any], digest: str, source: str) -> Policy:
    return Policy(
        id=data["id"],
        version=str(data["version"]),
        title_id=data["title_id"],
        title_en=data["title_en"],
        issuer_id=data["issuer_id"],
        issuer_en=data["issuer_en"],
        number=data["number"],
        date=data["date"],
        effective_date=data["effective_date"],
        legal_basis=tuple(
            LegalBasis(
                id=b["id"],
                short=b["short"],
                text_id=b["text_id"],
                text_en=b["text_en"],
                gazette=_s(b, "gazette"),
                note_id=_s(b, "note_id"),
                note_en=_s(b, "note_en"),
            )
            for b in data["legal_basis"]
        ),
        dissemination=Dissemination(**data["dissemination"]),
        consequence=Consequence(
            text_id=data["consequence"]["text_id"],
            text_en=data["consequence"]["text_en"],
            note_id=_s(data["consequence"], "note_id"),
            note_en=_s(data["consequence"], "note_en"),
        ),
        sections=tuple(
            Section(
                id=s["id"],
                kind=s["kind"],
                title_id=s["title_id"],
                title_en=s["title_en"],
                intro_id=_s(s, "intro_id"),
                intro_en=_s(s, "intro_en"),
            )
            for s in data["sections"]
        ),
        categories=tuple(
            Category(
                id=c["id"],
                name_id=c["name_id"],
                name_en=c["name_en"],
                kind=c["kind"],
                review_threshold=float(c["review_threshold"]),
                breach_threshold=float(c["breach_threshold"]),
            )
            for c in data["categories"]
        ),
        clauses=tuple(
            Clause(
                id=c["id"],
                section=c["section"],
                number=c["number"],
                kind=c["kind"],
                text_id=c["text_id"],
                text_en=c["text_en"],
                categories=tuple(c["categories"]),
                severity=c["severity"],
                advice_id=c["advice_id"],
                advice_en=c["advice_en"],
            )
            for c in data["clauses"]
        ),
        channels=tuple(
            Channel(
                id=c["id"],
                kind=c["kind"],
                label=c["label"],
                value=str(c["value"]),
                active=c["active"],
                note=_s(c, "note"),
                note_en=_s(c, "note_en"),
                source_value=_s(c, "source_value"),
            )
            for c in data["channels"]
        ),
        content_hash=digest,
        complaint_kinds=tuple(
            ComplaintKind(
                id=k["id"],
                label_id=k["label_id"],
                label_en=k["label_en"],
                categories=tuple(k["categories"]),
            )
            for k in data.get("complaint_kinds", [])
        ),
        source_fixes=tuple(
            SourceFix(
                field=f["field"], original=f["original"], fixed=f["fixed"], clause=_s(f, "clause")
            )
            for f in data.get("source_fixes", [])
        ),
        instrument_id=_s(data, "instrument_id"),
        instrument_en=_s(data, "instrument_en"),
        date_note_id=_s(data, "date_note_id"),
        date_note_en=_s(data, "date_note_en"),
        purpose_id=_s(data, "purpose_id"),
        purpose_en=_s(data, "purpose_en"),
        source=source,
    )
