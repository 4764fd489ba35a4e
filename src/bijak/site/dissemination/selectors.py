"""Reads of dissemination, scoped by `bijak.site.dissemination.access`.

Coverage is computed in a fixed number of queries whatever the size of the organisation: one
aggregate over assignments grouped by unit, one over valid acknowledgements, one for the unit
tree, then roll-up in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import BooleanField, Count, ExpressionWrapper, Q, QuerySet
from django.db.models.functions import TruncDate
from django.utils import timezone

from bijak.site.dissemination.access import campaign_scope_ids, readable_unit_ids
from bijak.site.dissemination.models import (
    Acknowledgement,
    Assignment,
    Campaign,
    HeadConfirmation,
    Question,
    QuizAttempt,
    Reminder,
)
from bijak.site.org.models import OrgUnit


@dataclass
class UnitCoverage:
    unit: OrgUnit
    depth: int
    in_scope: int = 0
    acknowledged: int = 0
    passed: int = 0
    overdue: int = 0
    confirmation: HeadConfirmation | None = None
    needs_confirmation: bool = False

    def share(self, part: int) -> float:
        return part / self.in_scope if self.in_scope else 0.0

    @property
    def reached_share(self) -> float:
        return self.share(self.acknowledged)

    @property
    def acknowledged_percent(self) -> int:
        return round(100 * self.share(self.acknowledged))

    @property
    def passed_percent(self) -> int:
        return round(100 * self.share(self.passed))


@dataclass
class Coverage:
    campaign: Campaign
    rows: list[UnitCoverage]
    total: UnitCoverage
    target: int
    overdue: list[Assignment] = field(default_factory=list)

    def below_target(self, row: UnitCoverage) -> bool:
        return row.in_scope > 0 and row.acknowledged_percent < self.target


_DONE = ExpressionWrapper(Q(acknowledged_at__isnull=False), output_field=BooleanField())


def _valid_acks() -> QuerySet[Acknowledgement]:
    return Acknowledgement.objects.filter(stale_since__isnull=True)


def campaign_coverage(
    *, user: Any, campaign: Campaign, today: dt.date | None = None, overdue_limit: int = 500
) -> Coverage:
    """Per unit of the campaign's scope that the user may read (tree order), with sub-units
    rolled up into their parents, and the overdue list."""
    today = today or timezone.localdate()
    readable = readable_unit_ids(user)
    scope = campaign_scope_ids(campaign)
    visible = scope if readable is None else scope & readable
    units = {u.pk: u for u in OrgUnit.objects.filter(pk__in=visible)}
    own = Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True)
    if readable is not None:
        own = own.filter(unit_id__in=visible)
    per_unit = own.values("unit_id").annotate(
        n=Count("pk"),
        ack=Count("pk", filter=Q(acknowledged_at__isnull=False)),
        passed=Count("pk", filter=Q(passed_at__isnull=False)),
        late=Count("pk", filter=Q(acknowledged_at__isnull=True, due_date__lt=today)),
    )
    direct: dict[int, tuple[int, int, int, int]] = {
        r["unit_id"]: (r["n"], r["ack"], r["passed"], r["late"]) for r in per_unit
    }
    confirmations = {
        c.unit_id: c
        for c in HeadConfirmation.objects.filter(
            campaign=campaign, unit_id__in=visible
        ).select_related("confirmed_by")
    }
    children: dict[int | None, list[OrgUnit]] = {}
    for unit in units.values():
        parent = unit.parent_id if unit.parent_id in units else None
        children.setdefault(parent, []).append(unit)
    rows: list[UnitCoverage] = []

    def walk(unit: OrgUnit, depth: int) -> UnitCoverage:
        row = UnitCoverage(
            unit=unit,
            depth=depth,
            confirmation=confirmations.get(unit.pk),
            needs_confirmation=unit.level == "eselon_2",
        )
        rows.append(row)
        n, ack, passed, late = direct.get(unit.pk, (0, 0, 0, 0))
        for child in sorted(children.get(unit.pk, []), key=lambda u: u.code):
            sub = walk(child, depth + 1)
            n, ack, passed, late = (
                n + sub.in_scope,
                ack + sub.acknowledged,
                passed + sub.passed,
                late + sub.overdue,
            )
        row.in_scope, row.acknowledged, row.passed, row.overdue = n, ack, passed, late
        return row

    total = UnitCoverage(unit=OrgUnit(code="", name=""), depth=0)
    for root in sorted(children.get(None, []), key=lambda u: u.code):
        sub = walk(root, 0)
        total.in_scope += sub.in_scope
        total.acknowledged += sub.acknowledged
        total.passed += sub.passed
        total.overdue += sub.overdue
    overdue = list(
        own.filter(acknowledged_at__isnull=True, due_date__lt=today)
        .select_related("unit")
        .order_by("due_date", "employee_name")[:overdue_limit]
    )
    return Coverage(
        campaign=campaign, rows=rows, total=total, target=campaign.target_percent, overdue=overdue
    )


def coverage_over_time(
    *, user: Any, campaign: Campaign, today: dt.date | None = None
) -> list[tuple[dt.date, int]]:
    """Cumulative valid acknowledgements per day, from the start to today (or the due date
    when later), within what the user may read."""
    today = today or timezone.localdate()
    readable = readable_unit_ids(user)
    acks = Assignment.objects.filter(
        campaign=campaign, withdrawn_at__isnull=True, acknowledged_at__isnull=False
    )
    if readable is not None:
        acks = acks.filter(unit_id__in=readable)
    per_day = dict(
        acks.annotate(day=TruncDate("acknowledged_at"))
        .values("day")
        .annotate(n=Count("pk"))
        .values_list("day", "n")
    )
    end = max(today, campaign.start_date)
    series: list[tuple[dt.date, int]] = []
    running = sum(n for day, n in per_day.items() if day < campaign.start_date)
    day = campaign.start_date
    while day <= end:
        running += per_day.get(day, 0)
        series.append((day, running))
        day += dt.timedelta(days=1)
    return series


def assignments_of(user: Any) -> QuerySet[Assignment]:
    """The signed-in employee's own assignments in open campaigns."""
    return (
        Assignment.objects.filter(
            employee__user=user, withdrawn_at__isnull=True, campaign__closed_at__isnull=True
        )
        .select_related("campaign")
        .annotate(done=_DONE)
        .order_by("due_date")
    )


def assignment_valid_ack(assignment: Assignment) -> Acknowledgement | None:
    return _valid_acks().filter(assignment=assignment).first()


def quiz_attempt_latest(assignment: Assignment) -> QuizAttempt | None:
    return QuizAttempt.objects.filter(assignment=assignment).order_by("-started_at", "-pk").first()


def questions_by_key(keys: Iterable[str]) -> dict[str, Question]:
    return {q.key: q for q in Question.objects.filter(key__in=list(keys))}


def acknowledgement_rows(
    *, campaign: Campaign, unit_ids: set[int] | None
) -> QuerySet[Acknowledgement]:
    acks = (
        Acknowledgement.objects.filter(assignment__campaign=campaign)
        .select_related("assignment", "assignment__unit", "recorded_by", "policy_version")
        .order_by("assignment__employee_name", "acknowledged_at")
    )
    if unit_ids is not None:
        acks = acks.filter(assignment__unit_id__in=unit_ids)
    return acks


def campaign_assignments_for(*, user: Any, campaign: Campaign) -> QuerySet[Assignment]:
    """Every assignment of the campaign the user may read, with its valid acknowledgement flag."""
    readable = readable_unit_ids(user)
    assignments = (
        Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True)
        .select_related("unit")
        .annotate(done=_DONE)
        .order_by("unit__code", "employee_name")
    )
    if readable is not None:
        assignments = assignments.filter(unit_id__in=readable)
    return assignments


def reminders_waiting(*, campaign: Campaign) -> tuple[int, str]:
    """Reminders of the campaign whose mail has not gone out yet (the mail server failed), and
    the last error, so the page can say they are queued and will be retried."""
    from bijak.site.notifications.models import Notification

    waiting = Notification.objects.filter(
        pk__in=Reminder.objects.filter(campaign=campaign, notification__isnull=False).values(
            "notification_id"
        ),
        status=Notification.Status.QUEUED,
        attempts__gt=0,
    )
    last = waiting.order_by("-pk").values_list("last_error", flat=True).first()
    return waiting.count(), last or ""
