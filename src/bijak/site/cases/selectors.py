"""Reads of the cases app."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from bijak.site.cases.models import Case, CaseEvent
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


def _month(day: dt.date, back: int = 0) -> dt.date:
    """The first day of the month `back` months before `day`'s."""
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


def _eselon_2_of() -> dict[int, tuple[int, str]]:
    """Each unit's Eselon II unit (itself when none is above it): unit pk -> (pk, name)."""
    from bijak.site.org.models import OrgUnit

    units = {
        pk: (parent, level, name)
        for pk, parent, level, name in OrgUnit.objects.values_list(
            "pk", "parent_id", "level", "name"
        )
    }
    out: dict[int, tuple[int, str]] = {}
    for pk in units:
        unit_id: int | None = pk
        seen: set[int] = set()
        found = (pk, units[pk][2])
        while unit_id is not None and unit_id not in seen:
            seen.add(unit_id)
            parent, level, name = units[unit_id]
            if level == "eselon_2":
                found = (unit_id, name)
                break
            unit_id = parent
        out[pk] = found
    return out


def outcomes_over_time(
    queryset: QuerySet[Case], *, by: str, months: int = 6, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """Decisions per month over the last `months` months (the current one included), for each
    clause (`by="clause"`) or each Eselon II unit of the employee (`by="unit"`). A decision is
    dated by the event that set the case's outcome (its last one). Every group lists every
    month, oldest first, with the month's total and its split by outcome; groups with the most
    decisions first."""
    if by not in ("clause", "unit"):
        raise ValueError(by)
    today = today or timezone.localdate()
    first = _month(today, months - 1)
    procedure = procedure_shipped()
    kinds = [t.id for t in procedure.transitions if t.outcome]
    decided: dict[int, dt.date] = {}
    for case_id, at in CaseEvent.objects.filter(
        case__in=queryset.filter(outcome__gt=""), kind__in=kinds
    ).values_list("case_id", "at"):
        day = timezone.localdate(at)
        if case_id not in decided or day > decided[case_id]:
            decided[case_id] = day
    unit_of = _eselon_2_of() if by == "unit" else {}
    counts: dict[tuple[str, str], Counter[tuple[dt.date, str]]] = {}
    rows = Case.objects.filter(pk__in=list(decided)).values_list(
        "pk", "outcome", "clauses", "employee__unit_id"
    )
    for pk, outcome, clauses, unit_id in rows:
        month = _month(decided[pk])
        if month < first or month > today:
            continue
        keys: list[tuple[str, str]]
        if by == "clause":
            keys = [(str(c), str(c)) for c in (clauses or ["-"])]
        else:
            unit_pk, name = unit_of.get(unit_id, (unit_id, "-"))
            keys = [(str(unit_pk), name)]
        for group in keys:
            counts.setdefault(group, Counter())[(month, outcome)] += 1
    grid = [_month(today, back) for back in range(months - 1, -1, -1)]
    groups: list[dict[str, Any]] = []
    for (key, label), counter in counts.items():
        series = []
        for month in grid:
            split = {o: n for (m, o), n in sorted(counter.items()) if m == month}
            series.append({"month": month, "total": sum(split.values()), "by_outcome": split})
        groups.append(
            {"key": key, "label": label, "total": sum(counter.values()), "months": series}
        )
    groups.sort(key=lambda g: (-int(g["total"]), str(g["label"])))
    return groups
