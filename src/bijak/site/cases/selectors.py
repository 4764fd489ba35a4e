"""Reads of the cases app."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from bijak.site.cases.models import Case
from bijak.site.cases.procedure import procedure_shipped


def nip_masked(nip: str) -> str:
    """`199004122015032001` -> `1990**********2001`."""
    return nip[:4] + "*" * max(0, len(nip) - 8) + nip[-4:] if len(nip) > 8 else "*" * len(nip)


def case_row(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "number": case.number,
        "state": case.state,
        "nip": nip_masked(case.employee.nip),
        "clauses": list(case.clauses),
        "opened": case.opened_at.date().isoformat(),
        "deadline": case.deadline.isoformat() if case.deadline else None,
        "overdue": bool(case.deadline and case.deadline < timezone.localdate()),
        "outcome": case.outcome,
    }


def case_rows(queryset: QuerySet[Case] | None = None) -> list[dict[str, Any]]:
    cases = queryset if queryset is not None else Case.objects.all()
    return [case_row(c) for c in cases.select_related("employee").order_by("-opened_at", "-pk")]


def cases_summary(queryset: QuerySet[Case], *, today: dt.date | None = None) -> dict[str, Any]:
    """Open cases by state and age, deadlines this week, overdue ones, outcomes per clause."""
    today = today or timezone.localdate()
    procedure = procedure_shipped()
    terminal = {s.id for s in procedure.states if s.terminal}
    rows = list(queryset.values_list("state", "opened_at", "deadline", "outcome", "clauses"))
    by_state = Counter(r[0] for r in rows if r[0] not in terminal)
    week_end = today + dt.timedelta(days=7)
    ages: Counter[str] = Counter()
    for state, opened, *_ in rows:
        if state in terminal:
            continue
        days = (today - timezone.localdate(opened)).days
        ages["< 14" if days < 14 else "14-30" if days <= 30 else "> 30"] += 1
    outcomes: Counter[tuple[str, str]] = Counter()
    for *_, outcome, clauses in rows:
        for clause in clauses or ["-"]:
            if outcome:
                outcomes[(clause, outcome)] += 1
    return {
        "by_state": [
            (procedure.state(s.id), by_state[s.id]) for s in procedure.states if by_state[s.id]
        ],
        "ages": [(k, ages[k]) for k in ("< 14", "14-30", "> 30")],
        "due_this_week": sum(
            1 for r in rows if r[2] and today <= r[2] <= week_end and r[0] not in terminal
        ),
        "overdue": sum(1 for r in rows if r[2] and r[2] < today and r[0] not in terminal),
        "outcomes": sorted(outcomes.items()),
        "open": sum(by_state.values()),
    }
