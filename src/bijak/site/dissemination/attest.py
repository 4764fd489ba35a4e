"""The exact text an employee attests to, and its SHA-256.

The acknowledgement page shows `attested_text(...)` verbatim; the record keeps the hash of
that string and the hash of the policy file. Anyone holding the policy file can rebuild the
text and check the hash offline.
"""

from __future__ import annotations

import hashlib
import threading

from bijak.policy import Policy, parse_policy
from bijak.site.policies.models import PolicyVersion

_cache: dict[str, Policy] = {}
_lock = threading.Lock()


def policy_of(version: PolicyVersion) -> Policy:
    """The parsed policy of a stored version (cached by content hash)."""
    with _lock:
        found = _cache.get(version.content_hash)
    if found is not None:
        return found
    text = version.source_text or PolicyVersion.objects.values_list("source_text", flat=True).get(
        pk=version.pk
    )
    policy = parse_policy(text, source=f"PolicyVersion#{version.pk}")
    with _lock:
        _cache[version.content_hash] = policy
    return policy


def attested_text(policy: Policy, lang: str) -> str:
    """Title, version, then every section title and clause ("B.2. text"), one per line."""
    lang = "en" if lang == "en" else "id"
    lines = [policy.title(lang), f"{policy.id} {policy.version} · sha256 {policy.content_hash}"]
    for section in policy.sections:
        lines.append("")
        lines.append(section.title(lang))
        for clause in policy.clauses_in_section(section.id):
            lines.append(f"{clause.id}. {clause.text(lang)}")
    return "\n".join(lines) + "\n"


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
