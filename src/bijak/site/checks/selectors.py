"""Reads of the checks app."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet

from bijak.site.checks.models import ClauseDailyCount, SavedCheck


def saved_checks_for_user(*, user: Any) -> QuerySet[SavedCheck]:
    """The drafts a user kept, newest first (only their own)."""
    return SavedCheck.objects.filter(owner=user).order_by("-created_at", "-id")


def clause_daily_counts(
    *, since: dt.date | None = None, until: dt.date | None = None
) -> QuerySet[ClauseDailyCount]:
    """Anonymous per-clause daily counts, oldest first."""
    qs = ClauseDailyCount.objects.all()
    if since is not None:
        qs = qs.filter(date__gte=since)
    if until is not None:
        qs = qs.filter(date__lte=until)
    return qs.order_by("date", "clause_id")


def clause_totals(*, since: dt.date, until: dt.date) -> list[tuple[str, int]]:
    """(clause id, number of checks that flagged it) between two dates, most flagged first."""
    from django.db.models import Sum

    rows = (
        ClauseDailyCount.objects.filter(date__gte=since, date__lte=until)
        .values("clause_id")
        .annotate(total=Sum("count"))
        .order_by("-total", "clause_id")
    )
    return [(str(r["clause_id"]), int(r["total"])) for r in rows]
