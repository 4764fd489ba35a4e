"""Reads of the policies app. `policy_active()` is what the rest of the site checks against."""

from __future__ import annotations

import threading

from django.db.models import QuerySet

from bijak.policy import DEFAULT_POLICY_PATH, Policy, load_policy, parse_policy
from bijak.site.policies.models import PolicyVersion

_parsed: dict[str, Policy] = {}
_lock = threading.Lock()


def _active_versions() -> QuerySet[PolicyVersion]:
    """Active versions, the most recently loaded first (the first one is the one in force)."""
    return PolicyVersion.objects.filter(is_active=True).order_by("-loaded_at", "-id")


def policy_active_version() -> PolicyVersion | None:
    """The active version most recently loaded, or None when the database holds none."""
    return _active_versions().select_related("loaded_by").defer("source_text").first()


def policy_active() -> Policy:
    """The active policy, parsed from the stored text of the active version (cached by hash);
    the shipped default when the database has no active version."""
    row = _active_versions().values_list("pk", "content_hash").first()
    if row is None:
        return load_policy()
    pk, digest = row
    with _lock:
        cached = _parsed.get(digest)
    if cached is not None:
        return cached
    text = PolicyVersion.objects.values_list("source_text", flat=True).get(pk=pk)
    policy = parse_policy(text, source=f"PolicyVersion#{pk}")
    with _lock:
        _parsed[digest] = policy
    return policy


def policy_version_list(*, policy_id: str | None = None) -> QuerySet[PolicyVersion]:
    """Every loaded version (of one policy id when given), newest first, with who loaded it."""
    versions = PolicyVersion.objects.select_related("loaded_by").defer("source_text")
    if policy_id is not None:
        versions = versions.filter(policy_id=policy_id)
    return versions.order_by("-loaded_at", "-id")


def policy_active_source() -> tuple[str, bytes]:
    """The file name and exact bytes of the active policy (the shipped file when none)."""
    row = _active_versions().values_list("source_name", "source_text").first()
    if row is None:
        return DEFAULT_POLICY_PATH.name, DEFAULT_POLICY_PATH.read_bytes()
    name, text = row
    return name or "policy.yaml", text.encode("utf-8")
