"""Two reviewers never collide: real threads, each with its own database connection (run on
PostgreSQL in CI, where rows are really claimed concurrently)."""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from monitoring_helpers import import_and_scan, register, x_archive

from bijak.site.audit.models import AuditEntry
from bijak.site.monitoring.models import Flag
from bijak.site.monitoring.services import flag_claim, flag_claim_next


def _officers(org_tree: Any, count: int) -> list[Any]:
    from conftest import make_person

    return [
        make_person(
            username=f"petugas{i}",
            full_name=f"Petugas {i}",
            unit=org_tree.kpp,
            nip=f"198905052012121{i + 1:03d}",
            roles=(("officer", None),),
        )
        for i in range(count)
    ]


def _race(workers: list[Any], work: Any) -> list[Any]:
    """Run `work(user)` for every worker at once. SQLite's in-memory test database answers
    concurrent writers with "table is locked" (shared cache) where the file database of a real
    site waits its turn (IMMEDIATE transactions), so there the threads take turns."""
    barrier = threading.Barrier(len(workers))
    results: list[Any] = [None] * len(workers)
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()

    def run(index: int, user: Any) -> None:
        try:
            barrier.wait()
            with turns:
                results[index] = work(user)
        except Exception as exc:
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


@pytest.mark.django_db(transaction=True)
def test_reviewers_claiming_next_at_once_get_distinct_flags(
    officer: Any, employee: Any, org_tree: Any
) -> None:
    import_and_scan(officer, register(officer, employee), "arsip.zip", x_archive())
    flags = Flag.objects.count()
    reviewers = _officers(org_tree, flags + 3)
    results = _race(reviewers, lambda user: flag_claim_next(actor=user))
    claimed = [r for r in results if isinstance(r, Flag)]
    assert [r for r in results if isinstance(r, Exception)] == []
    assert len(claimed) == flags
    assert len({f.pk for f in claimed}) == flags
    assert results.count(None) == 3
    holders = dict(Flag.objects.values_list("pk", "claimed_by_id"))
    assert {f.pk: f.claimed_by_id for f in claimed} == holders
    assert AuditEntry.objects.filter(action="monitoring.flag_claim").count() == flags


@pytest.mark.django_db(transaction=True)
def test_claiming_the_same_flag_at_once_lets_exactly_one_through(
    officer: Any, employee: Any, org_tree: Any
) -> None:
    import_and_scan(officer, register(officer, employee), "arsip.zip", x_archive())
    flag = Flag.objects.order_by("pk").first()
    reviewers = _officers(org_tree, 4)
    results = _race(reviewers, lambda user: flag_claim(actor=user, flag=flag))
    winners = [r for r in results if isinstance(r, Flag)]
    losers = [r for r in results if isinstance(r, ValidationError)]
    assert len(winners) == 1 and len(losers) == 3
    assert {tuple(e.messages) for e in losers} == {
        ("Temuan ini sedang ditinjau oleh peninjau lain.",)
    }
    flag.refresh_from_db()
    assert flag.claimed_by_id == winners[0].claimed_by_id
