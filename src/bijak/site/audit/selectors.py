"""Reads of the audit log."""

from __future__ import annotations

from django.db.models import QuerySet

from bijak.site.audit.models import AuditEntry


def audit_entries(*, action_prefix: str = "") -> QuerySet[AuditEntry]:
    """Newest first, with the actor fetched up front; optionally only actions starting so."""
    entries = AuditEntry.objects.select_related("actor").order_by("-seq")
    if action_prefix:
        entries = entries.filter(action__startswith=action_prefix)
    return entries
