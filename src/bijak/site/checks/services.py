"""Writes of the checks app: a check (which only bumps anonymous daily counts), saving a draft
the author chose to keep, and deleting it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from bijak.engine.report import Report
from bijak.site.audit.services import audit_record
from bijak.site.checks.engine import analyze_draft
from bijak.site.checks.models import ClauseDailyCount, SavedCheck
from bijak.site.checks.writelock import write_serialized

FLAGGED = ("tinjau", "langgar")


def flagged_clause_ids(report: Report) -> list[str]:
    """Ids of the clauses a report says may be broken (verdict tinjau or langgar)."""
    seen: list[str] = []
    for clause in report.clauses:
        if clause.id and clause.verdict in FLAGGED and clause.id not in seen:
            seen.append(clause.id)
    return seen


def clause_counts_increment(*, clause_ids: Iterable[str]) -> None:
    """Add one to today's count of each clause, in one transaction. No text and no user is
    stored (privacy)."""
    ids = list(dict.fromkeys(clause_ids))
    if not ids:
        return
    today = timezone.localdate()
    with write_serialized(), transaction.atomic():
        # Rows are never deleted, so those seen here still exist for the update; a row another
        # request creates meanwhile makes our create fail, and we update it instead.
        existing = set(
            ClauseDailyCount.objects.filter(date=today, clause_id__in=ids).values_list(
                "clause_id", flat=True
            )
        )
        if existing:
            ClauseDailyCount.objects.filter(date=today, clause_id__in=existing).update(
                count=F("count") + 1
            )
        for clause_id in ids:
            if clause_id in existing:
                continue
            try:
                with transaction.atomic():
                    ClauseDailyCount.objects.create(date=today, clause_id=clause_id, count=1)
            except IntegrityError:  # another request created it first
                ClauseDailyCount.objects.filter(date=today, clause_id=clause_id).update(
                    count=F("count") + 1
                )


def check_run(
    *, text: str, lang: str = "id", platform: str | None = None, count: bool = True
) -> Report:
    """Check a draft and return the engine's typed report.

    The draft is not stored. With `count`, today's per-clause counts are bumped (a live preview
    while typing passes `count=False` so that only submitted checks are counted).
    """
    report = analyze_draft(text=text, lang=lang, platform=platform)
    if count:
        clause_counts_increment(clause_ids=flagged_clause_ids(report))
    return report


def saved_check_create(*, owner: Any, text: str, platform: str, report: Report) -> SavedCheck:
    """Keep a draft and its report because its author asked to. Private to the author. The
    report is serialised here, at the edge, as its documented JSON form."""
    policy_version = report.versions.policy_version
    with transaction.atomic():
        saved = SavedCheck.objects.create(
            owner=owner,
            text=text,
            platform=platform,
            verdict=report.verdict,
            report=report.to_dict(),
            policy_version=policy_version[:64],
        )
        # The audit entry records that a draft was kept, never its text or verdict.
        audit_record(
            actor=owner,
            action="saved_check.create",
            target_type="checks.SavedCheck",
            target_id=saved.pk,
            data={},
        )
    return saved


def saved_check_delete(*, actor: Any, saved: SavedCheck) -> None:
    """Delete a kept draft (the view got it through `access_saved_check_by_id`)."""
    with transaction.atomic():
        pk = saved.pk
        saved.delete()
        audit_record(
            actor=actor,
            action="saved_check.delete",
            target_type="checks.SavedCheck",
            target_id=pk,
            data={},
        )
