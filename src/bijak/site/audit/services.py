"""Writing the audit log. Every state change of the site calls `audit_record` inside the same
transaction as the change (zulip's habit)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from bijak.site.audit.models import AuditEntry

GENESIS = "0" * 64


def _storable(value: Any) -> Any:
    """`value` with every NUL character replaced by U+FFFD: PostgreSQL's JSON and text columns
    cannot hold NUL, and an audit entry (e.g. a failed sign-in with a hostile user name) must
    never fail to be written."""
    if isinstance(value, str):
        return value.replace("\x00", "\ufffd")
    if isinstance(value, dict):
        return {_storable(k): _storable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_storable(v) for v in value]
    return value


def _entry_hash(*, seq: int, created_at: str, actor_id: int | None, actor_label: str, action: str,
                target_type: str, target_id: str, data: Any, prev_hash: str) -> str:
    payload = json.dumps(
        [seq, created_at, actor_id, actor_label, action, target_type, target_id, data, prev_hash],
        sort_keys=True, ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def audit_record(
    *,
    actor: Any | None,
    action: str,
    target_type: str = "",
    target_id: str | int = "",
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append an entry to the audit log. Call inside the transaction of the change it records."""
    # what is hashed is what is stored
    data = _storable(json.loads(json.dumps(data or {}, default=str)))
    target_type, target_id = _storable(target_type), _storable(str(target_id))
    with transaction.atomic():
        last = AuditEntry.objects.select_for_update().order_by("-seq").first()
        seq = (last.seq + 1) if last else 1
        prev_hash = last.hash if last else GENESIS
        created_at = timezone.now().replace(microsecond=0)
        actor_id = getattr(actor, "pk", None)
        actor_label = _storable(str(getattr(actor, "username", "") or "")) if actor else "system"
        entry = AuditEntry(
            seq=seq, created_at=created_at, actor_id=actor_id, actor_label=actor_label, action=action,
            target_type=target_type, target_id=str(target_id), data=data, prev_hash=prev_hash,
        )
        entry.hash = _entry_hash(
            seq=seq, created_at=created_at.isoformat(), actor_id=actor_id, actor_label=actor_label,
            action=action, target_type=target_type, target_id=str(target_id), data=data,
            prev_hash=prev_hash,
        )
        entry.save()
        return entry


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    reason: str = ""


def audit_verify() -> ChainCheck:
    """Recompute the hash chain; report the first entry whose content or link was altered."""
    prev = GENESIS
    count = 0
    expected_seq = 1
    for entry in AuditEntry.objects.order_by("seq").iterator():
        count += 1
        if entry.seq != expected_seq:
            return ChainCheck(False, count, entry.seq, "gap")
        if entry.prev_hash != prev:
            return ChainCheck(False, count, entry.seq, "link")
        digest = _entry_hash(
            seq=entry.seq, created_at=entry.created_at.isoformat(), actor_id=entry.actor_id,
            actor_label=entry.actor_label, action=entry.action, target_type=entry.target_type,
            target_id=entry.target_id, data=entry.data, prev_hash=entry.prev_hash,
        )
        if digest != entry.hash:
            return ChainCheck(False, count, entry.seq, "content")
        prev = entry.hash
        expected_seq += 1
    return ChainCheck(True, count)
