"""Writing the audit log. Every state change of the site calls `audit_record` inside the same
transaction as the change (zulip's habit)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from bijak.site.audit.models import AuditEntry, ChainHead

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


def _entry_hash(
    *,
    seq: int,
    created_at: str,
    actor_id: int | None,
    actor_label: str,
    action: str,
    target_type: str,
    target_id: str,
    data: Any,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [seq, created_at, actor_id, actor_label, action, target_type, target_id, data, prev_hash],
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
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
        head = _locked_head()
        seq = head.seq + 1
        prev_hash = head.hash
        created_at = timezone.now().replace(microsecond=0)
        actor_id = getattr(actor, "pk", None)
        actor_label = _storable(str(getattr(actor, "username", "") or "")) if actor else "system"
        entry = AuditEntry(
            seq=seq,
            created_at=created_at,
            actor_id=actor_id,
            actor_label=actor_label,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            data=data,
            prev_hash=prev_hash,
        )
        entry.hash = _entry_hash(
            seq=seq,
            created_at=created_at.isoformat(),
            actor_id=actor_id,
            actor_label=actor_label,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            data=data,
            prev_hash=prev_hash,
        )
        entry.save()
        head.seq, head.hash = seq, entry.hash
        head.save(update_fields=["seq", "hash"])
        return entry


def _locked_head() -> ChainHead:
    """The chain head, locked until the end of the transaction: concurrent appends wait here
    and then read the head their predecessor left (PostgreSQL re-reads a row it waited for;
    SQLite has one writer at a time, each transaction beginning IMMEDIATE)."""
    if not ChainHead.objects.filter(pk=1).exists():
        # a database emptied by hand (or by a test's flush): start from the last entry; when
        # two appends get here at once, ON CONFLICT DO NOTHING lets the second go on
        last = AuditEntry.objects.order_by("-seq").first()
        ChainHead.objects.bulk_create(
            [ChainHead(pk=1, seq=last.seq if last else 0, hash=last.hash if last else GENESIS)],
            ignore_conflicts=True,
        )
    return ChainHead.objects.select_for_update().get(pk=1)


@dataclass(frozen=True)
class ChainCheck:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    reason: str = ""  # gap, link, content, head, truncated, checkpoint


@dataclass(frozen=True)
class ChainPoint:
    """A point of the chain vouched for elsewhere (a signed checkpoint): entry `seq` had `hash`."""

    seq: int
    hash: str


def audit_verify(*, checkpoint: ChainPoint | None = None) -> ChainCheck:
    """Recompute the hash chain; report the first entry whose content or link was altered, an
    entry missing in the middle (gap) or at the end (truncated: the chain head or the checkpoint
    names a later entry), an entry appended without moving the head, and, with a checkpoint, a
    chain rewritten consistently since (the entry at the checkpoint has another hash)."""
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
            seq=entry.seq,
            created_at=entry.created_at.isoformat(),
            actor_id=entry.actor_id,
            actor_label=entry.actor_label,
            action=entry.action,
            target_type=entry.target_type,
            target_id=entry.target_id,
            data=entry.data,
            prev_hash=entry.prev_hash,
        )
        if digest != entry.hash:
            return ChainCheck(False, count, entry.seq, "content")
        if checkpoint is not None and entry.seq == checkpoint.seq and entry.hash != checkpoint.hash:
            return ChainCheck(False, count, entry.seq, "checkpoint")
        prev = entry.hash
        expected_seq += 1
    last_seq = expected_seq - 1
    head = ChainHead.objects.filter(pk=1).first()
    if head is not None:
        if head.seq > last_seq:
            return ChainCheck(False, count, last_seq + 1, "truncated")
        if head.seq < last_seq or head.hash != prev:
            return ChainCheck(
                False, count, head.seq + 1 if head.seq < last_seq else last_seq, "head"
            )
    if checkpoint is not None and checkpoint.seq > last_seq:
        return ChainCheck(False, count, last_seq + 1, "truncated")
    return ChainCheck(True, count)


def audit_head() -> ChainPoint:
    """The last entry of the chain (seq 0 and the genesis hash when the log is empty)."""
    last = AuditEntry.objects.order_by("-seq").only("seq", "hash").first()
    return ChainPoint(last.seq, last.hash) if last else ChainPoint(0, GENESIS)
