"""Two officers acting on the same case at once: one wins, the other is told (real threads,
each with its own database connection; written by the bijak authors)."""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from typing import Any

import pytest
from cases_helpers import TODAY, open_case, second_officer
from django.db import connection

from bijak.site.cases.models import Case, CaseDocument
from bijak.site.cases.services import CaseConflict, case_transition


@pytest.mark.django_db(transaction=True)
def test_two_officers_sending_summons_at_once_one_wins(
    officer: Any, employee: Any, unit_head: Any, org_tree: Any
) -> None:
    other = second_officer(org_tree)
    case = open_case(officer, employee)
    barrier = threading.Barrier(2)
    # SQLite's in-memory test database refuses concurrent writers; there they take turns
    turns = threading.Lock() if connection.vendor == "sqlite" else contextlib.nullcontext()
    results: list[Any] = [None, None]

    def run(index: int, user: Any) -> None:
        try:
            barrier.wait()
            with turns:
                results[index] = case_transition(
                    actor=user,
                    case_id=case.pk,
                    transition="summon_1",
                    expected_version=0,
                    inputs={"examination_date": dt.date(2026, 6, 18)},
                    today=TODAY,
                )
        except Exception as exc:
            results[index] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, u)) for i, u in enumerate([officer, other])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    winners = [r for r in results if isinstance(r, Case)]
    losers = [r for r in results if isinstance(r, CaseConflict)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert str(losers[0]) == (
        "Perkara PD-2026-0001 baru saja diubah oleh orang lain; muat ulang "
        "halaman dan periksa tahapnya."
    )
    assert Case.objects.get(pk=case.pk).version == 1
    assert CaseDocument.objects.filter(case=case, kind="summons_1").count() == 1
