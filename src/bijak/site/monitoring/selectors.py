"""Reads of the monitoring app: the queue, its filters and the desk's figures. Each selector
fetches related rows up front; what a user may see comes from `access`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Count, Min, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bijak.site.monitoring import access
from bijak.site.monitoring.models import Flag, Post

OPEN = (Flag.Status.OPEN, Flag.Status.PENDING_SECOND)


@dataclass(frozen=True)
class QueueFilters:
    unit: int | None = None
    clause: str = ""
    category: str = ""
    platform: str = ""
    since: datetime | None = None
    until: datetime | None = None
    reviewer: int | None = None
    status: str = "open"


def queue(*, user: Any, filters: QueueFilters, kind: str = Flag.Kind.FLAG) -> QuerySet[Flag]:
    """The review queue a user reads: most severe first, then oldest, then highest score."""
    flags = access.flags_on_desk(user).filter(kind=kind)
    if filters.status == "open":
        flags = flags.filter(status__in=OPEN)
    elif filters.status in Flag.Status.values:
        flags = flags.filter(status=filters.status)
    if filters.unit:
        from bijak.site.org.access import unit_subtree_ids

        flags = flags.filter(post__account__employee__unit_id__in=unit_subtree_ids(filters.unit))
    if filters.clause:
        flags = (
            flags.filter(clause_ids__contains=[filters.clause])
            if _json_contains()
            else flags.filter(clause_ids__icontains=f'"{filters.clause}"')
        )
    if filters.category:
        flags = (
            flags.filter(category_ids__contains=[filters.category])
            if _json_contains()
            else flags.filter(category_ids__icontains=f'"{filters.category}"')
        )
    if filters.platform:
        flags = flags.filter(post__account__platform=filters.platform)
    if filters.since:
        flags = flags.filter(post__posted_at__gte=filters.since)
    if filters.until:
        flags = flags.filter(post__posted_at__lt=filters.until)
    if filters.reviewer:
        flags = flags.filter(
            Q(claimed_by_id=filters.reviewer)
            | Q(decided_by_id=filters.reviewer)
            | Q(first_reviewer_id=filters.reviewer)
        )
    return flags.order_by(*QUEUE_ORDER)


QUEUE_ORDER = ("-severity", "created_at", "-score", "pk")


def queue_page(
    *,
    user: Any,
    filters: QueueFilters,
    kind: str = Flag.Kind.FLAG,
    number: Any = None,
    per_page: int = 50,
    count: int | None = None,
) -> tuple[Any, list[Flag]]:
    """One page of the queue in two steps: the page's ids from the flag table alone (sorted by
    the queue index, no joins, no wide columns), then those flags with everything shown.
    `count`: the queue's length when the caller knows it already (no second COUNT)."""
    from django.core.paginator import Paginator

    ids = queue(user=user, filters=filters, kind=kind).values_list("pk", flat=True)
    paginator = Paginator(ids, per_page)
    if count is not None:
        paginator.__dict__["count"] = count  # Paginator.count is a cached_property
    page = paginator.get_page(number)
    wanted = list(page.object_list)
    rows = {
        f.pk: f
        for f in Flag.objects.select_related(
            "post__account__employee__unit", "claimed_by", "first_reviewer", "decided_by"
        )
        .defer("evidence", "post__text", "post__versions", "post__categories", "post__clauses")
        .filter(pk__in=wanted)
    }
    return page, [rows[pk] for pk in wanted if pk in rows]


def _json_contains() -> bool:
    from django.db import connection

    return connection.vendor == "postgresql"


@dataclass(frozen=True)
class DeskStats:
    open: int
    pending_second: int
    unclaimed: int
    oldest_unclaimed: timedelta | None
    workload: list[tuple[str, int]]  # reviewer, flags held now
    decided: int


def desk_stats(*, user: Any) -> DeskStats:
    """The desk's figures from indexes, never a pass over the whole flag table: counts per
    status (the (kind, status) index), the flags held now (the partial index of claimed open
    flags, a few rows) and the oldest free flag (the partial index of open flags by age,
    read from its oldest end)."""
    flags = access.flags_on_desk(user).filter(kind=Flag.Kind.FLAG)
    expired = timezone.now() - timedelta(minutes=settings.BIJAK_MONITOR_CLAIM_MINUTES)
    # COUNT(*), not COUNT(id): PostgreSQL then answers from the index alone
    by_status = dict(flags.order_by().values_list("status").annotate(n=Count("*")))
    held = flags.filter(status__in=OPEN, claimed_at__gt=expired)  # claimed_at set with claimed_by
    workload = list(
        held.order_by().values_list("claimed_by__username").annotate(n=Count("pk")).order_by("-n")
    )
    oldest = (
        flags.filter(status__in=OPEN)
        .exclude(claimed_at__gt=expired)
        .order_by("created_at")
        .values_list("created_at", flat=True)
        .first()
    )
    open_now = by_status.get(Flag.Status.OPEN, 0) + by_status.get(Flag.Status.PENDING_SECOND, 0)
    return DeskStats(
        open=by_status.get(Flag.Status.OPEN, 0),
        pending_second=by_status.get(Flag.Status.PENDING_SECOND, 0),
        unclaimed=open_now - sum(n for _name, n in workload),
        oldest_unclaimed=(timezone.now() - oldest) if oldest else None,
        workload=[(name, n) for name, n in workload],
        decided=by_status.get(Flag.Status.CONFIRMED, 0) + by_status.get(Flag.Status.DISMISSED, 0),
    )


@dataclass(frozen=True)
class Rate:
    """A proportion with its denominator and a 95% Wilson interval."""

    label: str
    hits: int
    total: int

    @property
    def value(self) -> float | None:
        return self.hits / self.total if self.total else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.hits, self.total)


def wilson(hits: int, total: int, z: float = 1.96) -> tuple[float, float] | None:
    """The Wilson score interval of hits/total (None without a denominator)."""
    if total <= 0:
        return None
    p = hits / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def precision_by_category(*, user: Any) -> list[Rate]:
    """Confirmed / reviewed, per category of the reviewed flags."""
    counts: dict[str, list[int]] = {}
    rows = (
        access.flags_on_desk(user)
        .filter(kind=Flag.Kind.FLAG, status__in=(Flag.Status.CONFIRMED, Flag.Status.DISMISSED))
        .values_list("category_ids", "status")
    )
    for categories, status in rows:
        for category in categories or []:
            pair = counts.setdefault(category, [0, 0])
            pair[1] += 1
            pair[0] += status == Flag.Status.CONFIRMED
    return [Rate(label=c, hits=h, total=t) for c, (h, t) in sorted(counts.items())]


def sample_miss_rate(*, user: Any) -> Rate:
    """Share of sampled `aman` posts a reviewer found to be breaches (the engine's misses)."""
    figures = (
        access.flags_on_desk(user)
        .filter(kind=Flag.Kind.SAMPLE)
        .aggregate(
            total=Count("pk", filter=Q(status__in=(Flag.Status.CONFIRMED, Flag.Status.DISMISSED))),
            hits=Count("pk", filter=Q(status=Flag.Status.CONFIRMED)),
        )
    )
    return Rate(label="aman", hits=figures["hits"], total=figures["total"])


def flags_per_clause(*, user: Any) -> list[tuple[str, int, int]]:
    """Per clause: flags raised, flags confirmed (a flag counts for each of its clauses)."""
    counts: dict[str, list[int]] = {}
    for clauses, status in (
        access.flags_on_desk(user).filter(kind=Flag.Kind.FLAG).values_list("clause_ids", "status")
    ):
        for clause in clauses or []:
            pair = counts.setdefault(clause, [0, 0])
            pair[0] += 1
            pair[1] += status == Flag.Status.CONFIRMED
    return [(c, n, k) for c, (n, k) in sorted(counts.items())]


@dataclass(frozen=True)
class ClauseWeeks:
    """Flags raised per clause in each of the last weeks (Monday to Sunday, local time)."""

    weeks: list[date]  # each week's Monday, oldest first
    rows: list[tuple[str, list[int]]]  # clause, flags per week
    totals: list[int]  # flags per week (a flag with two clauses counts once)


def flags_per_clause_by_week(*, user: Any, weeks: int = 8) -> ClauseWeeks:
    """Flags per clause over time: the last `weeks` weeks, the current one included."""
    today = timezone.localdate()
    mondays = [
        today - timedelta(days=today.weekday()) - timedelta(weeks=n)
        for n in range(weeks - 1, -1, -1)
    ]
    since = timezone.make_aware(datetime.combine(mondays[0], datetime.min.time()))
    counts: dict[str, list[int]] = {}
    totals = [0] * weeks
    for created, clauses in (
        access.flags_on_desk(user)
        .filter(kind=Flag.Kind.FLAG, created_at__gte=since)
        .values_list("created_at", "clause_ids")
        .iterator(chunk_size=2000)
    ):
        index = (timezone.localtime(created).date() - mondays[0]).days // 7
        if not 0 <= index < weeks:
            continue
        totals[index] += 1
        for clause in clauses or []:
            counts.setdefault(clause, [0] * weeks)[index] += 1
    return ClauseWeeks(weeks=mondays, rows=sorted(counts.items()), totals=totals)


AGE_BUCKETS = (  # upper bound in days, label
    (1, _("kurang dari 1 hari")),
    (3, _("1–3 hari")),
    (7, _("3–7 hari")),
    (30, _("7–30 hari")),
    (None, _("lebih dari 30 hari")),
)


def queue_by_age(*, user: Any) -> list[tuple[str, int]]:
    """The open queue (flags not yet decided) by age, in one pass over the open flags' index."""
    now = timezone.now()
    figures: dict[str, Count] = {}
    lower = None
    for index, (days, _label) in enumerate(AGE_BUCKETS):
        condition = Q()
        if days is not None:
            condition &= Q(created_at__gt=now - timedelta(days=days))
        if lower is not None:
            condition &= Q(created_at__lte=now - timedelta(days=lower))
        # counted on created_at: the open flags' (kind, created_at) index holds all it reads
        figures[f"b{index}"] = Count("created_at", filter=condition)
        lower = days
    counts = (
        access.flags_on_desk(user).filter(kind=Flag.Kind.FLAG, status__in=OPEN).aggregate(**figures)
    )
    return [(str(label), counts[f"b{i}"]) for i, (_days, label) in enumerate(AGE_BUCKETS)]


def posts_of_account(*, user: Any, account_id: int) -> QuerySet[Post]:
    return access.posts_visible_to(user).filter(account_id=account_id).order_by("-posted_at", "-pk")


def flags_per_platform(*, user: Any) -> list[tuple[str, int]]:
    from bijak.site.monitoring.models import Platform

    labels = dict(Platform.choices)
    rows = (
        access.flags_on_desk(user)
        .filter(kind=Flag.Kind.FLAG)
        .values_list("post__account__platform")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    return [(str(labels.get(p, p)), n) for p, n in rows]


def flags_per_unit(*, user: Any) -> list[tuple[str, int]]:
    rows = (
        access.flags_on_desk(user)
        .filter(kind=Flag.Kind.FLAG)
        .values_list("post__account__employee__unit__name")
        .annotate(n=Count("pk"))
        .order_by("-n")[:12]
    )
    return [(name, n) for name, n in rows]


def review_figures() -> dict[str, Any]:
    """The whole desk's figures for `bijak review stats` (the command line sees everything)."""
    flags = Flag.objects.filter(kind=Flag.Kind.FLAG)
    expired = timezone.now() - timedelta(minutes=settings.BIJAK_MONITOR_CLAIM_MINUTES)
    free = Q(claimed_by__isnull=True) | Q(claimed_at__lte=expired)
    figures = flags.aggregate(
        open=Count("pk", filter=Q(status=Flag.Status.OPEN)),
        pending_second=Count("pk", filter=Q(status=Flag.Status.PENDING_SECOND)),
        confirmed=Count("pk", filter=Q(status=Flag.Status.CONFIRMED)),
        dismissed=Count("pk", filter=Q(status=Flag.Status.DISMISSED)),
        oldest=Min("created_at", filter=Q(status__in=OPEN) & free),
    )
    oldest = figures.pop("oldest")
    counts: dict[str, list[int]] = {}
    for categories, status in flags.filter(
        status__in=(Flag.Status.CONFIRMED, Flag.Status.DISMISSED)
    ).values_list("category_ids", "status"):
        for category in categories or []:
            pair = counts.setdefault(category, [0, 0])
            pair[1] += 1
            pair[0] += status == Flag.Status.CONFIRMED
    samples = Flag.objects.filter(kind=Flag.Kind.SAMPLE).aggregate(
        reviewed=Count("pk", filter=Q(status__in=(Flag.Status.CONFIRMED, Flag.Status.DISMISSED))),
        missed=Count("pk", filter=Q(status=Flag.Status.CONFIRMED)),
    )
    return {
        **figures,
        "oldest_unclaimed_hours": (
            round((timezone.now() - oldest).total_seconds() / 3600, 2) if oldest else None
        ),
        "precision": [
            {"category": c, "confirmed": h, "reviewed": t, "interval": wilson(h, t)}
            for c, (h, t) in sorted(counts.items())
        ],
        "sample": {**samples, "interval": wilson(samples["missed"], samples["reviewed"])},
    }


def reviewed_lines() -> Any:
    """Decided flags as `bijak eval` lines: the masked text, its flagged categories labelled 1
    (confirmed) or 0 (dismissed); a reviewed sample post labels nothing it was not flagged for."""
    decided = (
        Flag.objects.filter(
            kind=Flag.Kind.FLAG, status__in=(Flag.Status.CONFIRMED, Flag.Status.DISMISSED)
        )
        .select_related("post")
        .order_by("pk")
    )
    for flag in decided.iterator(chunk_size=500):
        if not flag.post.text_masked:
            continue
        value = 1 if flag.status == Flag.Status.CONFIRMED else 0
        yield {
            "text": flag.post.text,
            "labels": {category: value for category in flag.category_ids},
            "source": "bijak-review",
        }
