"""Writes of the policies app: loading a policy file as a new version."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.db import transaction

from bijak.policy import DEFAULT_POLICY_PATH, parse_policy
from bijak.site.audit.services import audit_record
from bijak.site.policies.models import PolicyVersion


def _full_date(value: str) -> dt.date | None:
    """A policy date of the form YYYY-MM-DD as a date; year-only dates give None."""
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None


def policy_version_load(
    *,
    actor: Any | None = None,
    path: str | Path | None = None,
    effective_date: dt.date | None = None,
    activate: bool = True,
) -> PolicyVersion:
    """Load a policy file as a version (the shipped policy by default).

    Idempotent by content hash: loading the same bytes again returns the stored version and
    writes nothing (unless it must be activated). Activating deactivates the previously active
    version of the same policy id. Raises `bijak.policy.PolicyError` for an invalid file.
    """
    file = Path(path) if path is not None else DEFAULT_POLICY_PATH
    raw = file.read_bytes()
    policy = parse_policy(raw, source=str(file))
    with transaction.atomic():
        existing = (
            PolicyVersion.objects.select_for_update()
            .filter(content_hash=policy.content_hash)
            .first()
        )
        if existing is not None:
            if activate and not existing.is_active:
                return policy_version_activate(actor=actor, version_id=existing.pk)
            return existing
        deactivated = _deactivate_others(policy.id, keep=None) if activate else []
        version = PolicyVersion.objects.create(
            policy_id=policy.id,
            version=policy.version,
            title=policy.title_id[:300],
            content_hash=policy.content_hash,
            source_text=raw.decode("utf-8"),
            source_name=file.name[:300],
            effective_date=effective_date or _full_date(policy.effective_date),
            loaded_by=actor if getattr(actor, "pk", None) else None,
            is_active=activate,
        )
        audit_record(
            actor=actor,
            action="policy.load",
            target_type="policies.PolicyVersion",
            target_id=version.pk,
            data={
                "policy_id": policy.id,
                "version": policy.version,
                "content_hash": policy.content_hash,
                "source_name": version.source_name,
                "effective_date": version.effective_date,
                "activated": activate,
                "deactivated": deactivated,
                "clauses": len(policy.clauses),
            },
        )
        return version


def policy_version_activate(*, actor: Any | None, version_id: int) -> PolicyVersion:
    """Make a stored version the active one of its policy id (a no-op if it already is)."""
    with transaction.atomic():
        version = PolicyVersion.objects.select_for_update().get(pk=version_id)
        if version.is_active:
            return version
        deactivated = _deactivate_others(version.policy_id, keep=version.pk)
        version.is_active = True
        version.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            action="policy.activate",
            target_type="policies.PolicyVersion",
            target_id=version.pk,
            data={
                "policy_id": version.policy_id,
                "version": version.version,
                "content_hash": version.content_hash,
                "deactivated": deactivated,
            },
        )
        return version


def _deactivate_others(policy_id: str, *, keep: int | None) -> list[int]:
    others = PolicyVersion.objects.select_for_update().filter(policy_id=policy_id, is_active=True)
    if keep is not None:
        others = others.exclude(pk=keep)
    ids = list(others.values_list("pk", flat=True))
    if ids:
        PolicyVersion.objects.filter(pk__in=ids).update(is_active=False)
    return ids
