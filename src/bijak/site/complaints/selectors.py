"""Reads of the complaints app; related rows fetched up front."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from statistics import median
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from bijak.site.complaints.models import (
    OPEN_STATUSES,
    Candidate,
    Complaint,
    Event,
    Screenshot,
    Status,
)


def _light_screenshots() -> Prefetch[Any]:
    return Prefetch("screenshots", queryset=Screenshot.objects.defer("data", "variants"))


def complaint_queue(*, status: str = "", kind: str = "", query: str = "") -> QuerySet[Complaint]:
    """Primary complaints for the officers' queue: open ones oldest first, then the rest."""
    qs = Complaint.objects.filter(group__isnull=True).annotate(
        merged=Count("members", distinct=True),
        open_candidates=Count("candidates", filter=Q(candidates__dismissed=False), distinct=True),
    )
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        qs = qs.filter(ticket__icontains=query.strip()[:20])
    if status in ("", *OPEN_STATUSES):
        return qs.order_by("created_at", "id") if status else qs.order_by("-created_at", "-id")
    return qs.order_by("-updated_at", "-id")


def complaint_detail(complaint: Complaint) -> Complaint:
    return (
        Complaint.objects.select_related("group", "reporter", "employee")
        .prefetch_related(
            "links",
            _light_screenshots(),
            Prefetch(
                "candidates",
                queryset=Candidate.objects.filter(dismissed=False).select_related("other__group"),
            ),
            Prefetch("members", queryset=Complaint.objects.prefetch_related("links")),
            "forwards__actor",
            Prefetch("events", queryset=Event.objects.select_related("actor")),
        )
        .get(pk=complaint.pk)
    )


def complaints_of_reporter(user: Any) -> QuerySet[Complaint]:
    return Complaint.objects.filter(reporter=user).select_related("group").order_by("-created_at")


def open_counts() -> dict[str, Any]:
    """Open complaints by status with the age of the oldest (the officer's home)."""
    now = timezone.now()
    out: dict[str, Any] = {}
    for status in OPEN_STATUSES:
        qs = Complaint.objects.filter(group__isnull=True, status=status)
        oldest = qs.order_by("created_at").values_list("created_at", flat=True).first()
        out[status] = {
            "count": qs.count(),
            "oldest_days": (now - oldest).days if oldest else None,
        }
    return out


@dataclass(frozen=True)
class Dashboard:
    per_kind: list[tuple[str, int]]
    per_week: list[tuple[str, int]]
    per_status: list[tuple[str, int]]
    median_hours_to_forward: float | None
    forwarded: int
    answered: int
    total: int

    @property
    def share_answered(self) -> float | None:
        return self.answered / self.forwarded if self.forwarded else None


def complaints_dashboard(*, kind_labels: dict[str, str], weeks: int = 8) -> Dashboard:
    primaries = Complaint.objects.filter(group__isnull=True)
    kinds = Counter(dict(primaries.values_list("kind").annotate(n=Count("pk"))))
    per_kind = [(kind_labels.get(k, k), n) for k, n in kinds.most_common()]
    statuses = dict(primaries.values_list("status").annotate(n=Count("pk")))
    per_status = [(str(label), int(statuses.get(value, 0))) for value, label in Status.choices]
    today = timezone.localdate()
    start = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    per_week_counter: Counter[str] = Counter()
    for created in Complaint.objects.filter(created_at__date__gte=start).values_list(
        "created_at", flat=True
    ):
        day = timezone.localtime(created).date()
        monday = day - timedelta(days=day.weekday())
        per_week_counter[monday.isoformat()] += 1
    per_week = []
    for i in range(weeks):
        monday = start + timedelta(weeks=i)
        per_week.append((monday.strftime("%d/%m"), per_week_counter.get(monday.isoformat(), 0)))
    hours = []
    forwarded = answered = 0
    for c in primaries.prefetch_related("forwards"):
        fwd = list(c.forwards.all())
        if fwd:
            forwarded += 1
            first = min(f.at for f in fwd)
            hours.append((first - c.created_at).total_seconds() / 3600)
            if any(f.replied_at for f in fwd):
                answered += 1
    return Dashboard(
        per_kind=per_kind,
        per_week=per_week,
        per_status=per_status,
        median_hours_to_forward=round(median(hours), 1) if hours else None,
        forwarded=forwarded,
        answered=answered,
        total=sum(kinds.values()),
    )
