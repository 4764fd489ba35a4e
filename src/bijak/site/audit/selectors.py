"""Reads of the audit log."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.utils import timezone

from bijak.site.audit.models import AuditEntry


def audit_entries(
    *,
    action_prefix: str = "",
    person: str = "",
    target_type: str = "",
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> QuerySet[AuditEntry]:
    """Newest first, with the actor fetched up front; optionally filtered by the action (code or
    prefix), the person who acted (user name or full name, any part), the kind of object, and a
    date range (inclusive, in the site's time zone)."""
    entries = AuditEntry.objects.select_related("actor").order_by("-seq")
    if action_prefix:
        entries = entries.filter(action__startswith=action_prefix)
    if person:
        entries = entries.filter(
            Q(actor_label__icontains=person) | Q(actor__full_name__icontains=person)
        )
    if target_type:
        entries = entries.filter(target_type=target_type)
    zone = timezone.get_current_timezone()
    if since is not None:
        entries = entries.filter(created_at__gte=dt.datetime.combine(since, dt.time.min, zone))
    if until is not None:
        entries = entries.filter(
            created_at__lt=dt.datetime.combine(until + dt.timedelta(days=1), dt.time.min, zone)
        )
    return entries
