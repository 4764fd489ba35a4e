"""Reads of the site's knowledge base, and the engine pipeline that matches its entries."""

from __future__ import annotations

import hashlib
import threading
from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet

from bijak.site.claims.models import ClaimRecord

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine import Pipeline
    from bijak.engine.claims import ClaimEntry
    from bijak.policy import Policy

_lock = threading.Lock()
_pipelines: dict[tuple[str, str], Any] = {}


def claim_list(*, query: str = "", active: bool | None = None) -> QuerySet[ClaimRecord]:
    qs = ClaimRecord.objects.select_related("created_by")
    if active is not None:
        qs = qs.filter(active=active)
    if query:
        qs = qs.filter(topic__icontains=query) | qs.filter(fact__icontains=query)
    return qs


def site_entries() -> tuple[ClaimEntry, ...]:
    from bijak.engine.claims import ClaimEntry

    return tuple(
        ClaimEntry(
            id=r.entry_id,
            topic=r.topic,
            claims=tuple(r.claims),
            fact=r.fact,
            source=r.source,
            origin=r.origin,
        )
        for r in ClaimRecord.objects.filter(active=True).order_by("entry_id")
    )


def claims_revision() -> str:
    """Changes whenever an active entry is added, edited or switched off."""
    rows = ClaimRecord.objects.filter(active=True).values_list("entry_id", "updated_at")
    digest = hashlib.sha256()
    for entry_id, updated in rows.order_by("entry_id"):
        digest.update(f"{entry_id}|{updated.isoformat()}\n".encode())
    return digest.hexdigest()


def site_pipeline(policy: Policy) -> Pipeline:
    """The engine pipeline the site uses: the active policy, and the claims recognizer with the
    shipped knowledge base plus the officers' active entries. Cached per (policy, revision)."""
    from bijak.engine import Pipeline, default_pipeline
    from bijak.engine.claims import load_default_kb
    from bijak.engine.recognizers import DEFAULT_SPECS
    from bijak.engine.recognizers.claims import NAME, ClaimRecognizer
    from bijak.engine.registry import spec_name

    revision = claims_revision()
    if not ClaimRecord.objects.filter(active=True).exists():
        return default_pipeline(policy)
    key = (policy.content_hash, revision)
    pipe = _pipelines.get(key)
    if pipe is None:
        with _lock:
            pipe = _pipelines.get(key)
            if pipe is None:
                specs = [s for s in DEFAULT_SPECS if spec_name(s)[0] != NAME]
                kb = load_default_kb().with_entries(site_entries())
                claims = ClaimRecognizer(kb=kb)
                pipe = Pipeline(policy=policy, recognizers=specs, extra=[claims])
                if len(_pipelines) > 8:
                    _pipelines.clear()
                _pipelines[key] = pipe
    return pipe
