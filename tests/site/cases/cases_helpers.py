"""Shared set-up of the cases tests (written by the bijak authors)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

# a Monday in an ordinary week
TODAY = dt.date(2026, 6, 8)
NOW = timezone.make_aware(dt.datetime(2026, 6, 8, 9, 0))
PDF = b"%PDF-1.4\n% bukti\n"


def head_of_root(org_tree: Any) -> Any:
    from conftest import make_person

    return make_person(
        username="kepala",
        full_name="Kepala Sekretariat",
        unit=org_tree.root,
        nip="197001011995031001",
        position="Sekretaris Jenderal",
        roles=(("unit_head", org_tree.root),),
    )


def second_officer(org_tree: Any) -> Any:
    from conftest import make_person

    return make_person(
        username="yanti",
        full_name="Yanti Lestari",
        unit=org_tree.kpp,
        nip="198802022012122002",
        roles=(("officer", None),),
    )


def open_case(officer: Any, employee: Any, **kw: Any) -> Any:
    from bijak.site.cases.services import Upload, case_open

    return case_open(
        actor=officer,
        employee=employee.employee,
        clauses=["B.2"],
        summary="Unggahan yang merendahkan instansi.",
        files=[Upload("bukti.pdf", PDF)],
        today=kw.pop("today", TODAY),
        now=kw.pop("now", NOW),
        **kw,
    )


def step(case: Any, actor: Any, transition: str, today: dt.date = TODAY, **inputs: Any) -> Any:
    from bijak.site.cases.services import case_transition

    case.refresh_from_db()
    return case_transition(
        actor=actor,
        case_id=case.pk,
        transition=transition,
        expected_version=case.version,
        inputs=inputs,
        today=today,
        now=timezone.make_aware(dt.datetime.combine(today, dt.time(10))),
    )
