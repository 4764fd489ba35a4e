"""Dashboard numbers: outcomes per clause and per unit over time (written by the bijak
authors). Decisions are made on fixed dates; the selector is asked for the six months to
30 June 2026."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cases_helpers import PDF, step
from django.test import Client
from django.utils import timezone

from bijak.site.cases.models import Case
from bijak.site.cases.selectors import outcomes_over_time
from bijak.site.cases.services import Upload, calendar, case_open

TODAY = dt.date(2026, 6, 30)


def _decided(officer: Any, person: Any, clauses: list[str], opened: dt.date, how: str) -> Case:
    """A case opened on `opened`, examined 7 working days later and decided (`how`) that day."""
    case = case_open(
        actor=officer,
        employee=person.employee,
        clauses=clauses,
        summary="Unggahan yang dipersoalkan.",
        files=[Upload("bukti.pdf", PDF)],
        today=opened,
        now=timezone.make_aware(dt.datetime.combine(opened, dt.time(9))),
    )
    exam = calendar().add_working_days(opened, 7)
    step(case, officer, "summon_1", today=opened, examination_date=exam)
    step(case, officer, "examine", today=exam, record="Pegawai hadir.")
    if how == "decide_light":
        step(case, officer, how, today=exam, penalty="teguran_lisan", reason="Terbukti.")
    else:
        step(case, officer, how, today=exam, reason="Pertimbangan.")
    case.refresh_from_db()
    return case


@pytest.fixture
def decisions(officer: Any, employee: Any, colleague: Any, unit_head: Any) -> dict[str, Case]:
    return {
        # employee: Subbagian Penyusunan Anggaran, under Biro Keuangan (Eselon II)
        "june_light": _decided(officer, employee, ["B.2"], dt.date(2026, 6, 8), "decide_light"),
        "june_two": _decided(
            officer, employee, ["B.2", "B.4"], dt.date(2026, 6, 1), "decide_no_breach"
        ),
        "april_refer": _decided(officer, employee, ["B.4"], dt.date(2026, 4, 6), "refer"),
        # colleague: Subbagian Pemantauan Media, under Biro Komunikasi (Eselon II)
        "march_guidance": _decided(
            officer, colleague, ["B.2"], dt.date(2026, 3, 2), "decide_guidance"
        ),
        # decided in November 2025: outside the six months
        "old": _decided(officer, colleague, ["B.1"], dt.date(2025, 11, 3), "decide_no_breach"),
        # opened, not decided: no outcome
        "open": case_open(
            actor=officer,
            employee=colleague.employee,
            clauses=["B.3"],
            summary="Belum diputus.",
            today=dt.date(2026, 6, 22),
            now=timezone.make_aware(dt.datetime(2026, 6, 22, 9)),
        ),
    }


def _compact(groups: list[dict[str, Any]]) -> dict[str, list[tuple[str, int, dict[str, int]]]]:
    return {
        g["label"]: [
            (m["month"].strftime("%Y-%m"), m["total"], m["by_outcome"]) for m in g["months"]
        ]
        for g in groups
    }


MONTHS = ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]


def _series(**filled: tuple[int, dict[str, int]]) -> list[tuple[str, int, dict[str, int]]]:
    return [(m, *filled.get("m" + m[-2:], (0, {}))) for m in MONTHS]


def test_outcomes_per_clause_and_per_unit_per_month(
    decisions: dict[str, Case], org_tree: Any
) -> None:
    groups = outcomes_over_time(Case.objects.all(), by="clause", today=TODAY)
    assert _compact(groups) == {
        "B.2": _series(m03=(1, {"guidance": 1}), m06=(2, {"light": 1, "no_breach": 1})),
        "B.4": _series(m04=(1, {"referral": 1}), m06=(1, {"no_breach": 1})),
    }
    assert [g["total"] for g in groups] == [3, 2]  # most decisions first

    groups = outcomes_over_time(Case.objects.all(), by="unit", today=TODAY)
    assert _compact(groups) == {
        "Biro Keuangan dan Barang Milik Negara": _series(
            m04=(1, {"referral": 1}), m06=(2, {"light": 1, "no_breach": 1})
        ),
        "Biro Komunikasi dan Pelayanan Publik": _series(m03=(1, {"guidance": 1})),
    }
    assert [g["key"] for g in groups] == [str(org_tree.keu.pk), str(org_tree.kpp.pk)]
    # a longer window takes in the November 2025 decision
    wide = _compact(outcomes_over_time(Case.objects.all(), by="unit", months=9, today=TODAY))
    assert wide["Biro Komunikasi dan Pelayanan Publik"][1] == ("2025-11", 1, {"no_breach": 1})
    # the reader's scope: a queryset of one unit's cases gives only that unit
    mine = Case.objects.filter(employee__unit=org_tree.kpp_media_monitoring)
    assert [g["label"] for g in outcomes_over_time(mine, by="unit", today=TODAY)] == [
        "Biro Komunikasi dan Pelayanan Publik"
    ]


def test_the_dashboard_draws_them_for_the_scope_of_the_reader(
    officer: Any,
    employee: Any,
    colleague: Any,
    unit_head: Any,
    officer_client: Client,
    unit_head_client: Client,
) -> None:
    # decided about ten days ago (the page counts back from today's clock)
    opened = timezone.localdate() - dt.timedelta(days=21)
    _decided(officer, employee, ["B.2"], opened, "decide_light")
    _decided(officer, colleague, ["B.2"], opened, "decide_no_breach")
    page = officer_client.get("/perkara/dasbor/").content.decode()
    clause_part = page.split('data-chart="outcomes-by-clause"')[1].split("data-chart=")[0]
    assert clause_part.count('<figure class="chart">') == 1
    assert "hukuman ringan 1 · tidak terbukti 1" in clause_part
    assert clause_part.count("<li>") == 6  # six months
    unit_part = page.split('data-chart="outcomes-by-unit"')[1]
    assert unit_part.count('<figure class="chart">') == 2
    assert "Biro Komunikasi dan Pelayanan Publik" in unit_part
    # the head of Biro Keuangan sees only the decisions about their own staff
    head = unit_head_client.get("/perkara/dasbor/").content.decode()
    head_units = head.split('data-chart="outcomes-by-unit"')[1]
    assert "Biro Keuangan dan Barang Milik Negara" in head_units
    assert "Biro Komunikasi dan Pelayanan Publik" not in head_units
