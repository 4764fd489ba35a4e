"""The procedure file and the working-day calendar (written by the bijak authors)."""

from __future__ import annotations

import datetime as dt

import pytest

from bijak.site.cases.procedure import (
    SHIPPED,
    ProcedureError,
    parse_procedure,
    procedure_shipped,
    validate_procedure_file,
)
from bijak.site.cases.workdays import DaysOffError, WorkCalendar, parse_days_off


def test_shipped_procedure_validates_and_cites_every_step() -> None:
    assert validate_procedure_file(SHIPPED) == []
    procedure = procedure_shipped()
    assert all(t.citation for t in procedure.transitions)
    assert all(s.deadline.citation for s in procedure.states if s.deadline)
    assert procedure.transition("summon_1").min_working_days_ahead == 7
    assert procedure.transition("decide_light").penalties == (
        "teguran_lisan",
        "teguran_tertulis",
        "pernyataan_tidak_puas",
    )
    assert procedure.state("opened").deadline.escalate_to == ("superior2", "officer")


def _broken(old: str, new: str) -> str:
    text = SHIPPED.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "field", "message"),
    [
        (
            "    to: summoned_1\n",
            "    to: summoned_9\n",
            "transitions[0].to",
            "state 'summoned_9' is not declared in states",
        ),
        (
            "    by: [superior, officer]\n    label_id: Kirim Surat Panggilan I",
            "    by: [atasan]\n    label_id: Kirim Surat Panggilan I",
            "transitions[0].by[0]",
            "must be one of",
        ),
        (
            "      working_days: 7\n",
            "      working_days: tujuh\n",
            "states[0].deadline.working_days",
            "must be of type integer, not string",
        ),
        (
            "    citation: PP 94/2021 Pasal 24 ayat (1) dan (2)\n",
            "",
            "transitions[0].citation",
            "required field is missing",
        ),
    ],
)
def test_a_broken_procedure_names_line_and_field(
    old: str, new: str, field: str, message: str
) -> None:
    text = _broken(old, new)
    with pytest.raises(ProcedureError) as info:
        parse_procedure(text, source="p.yaml")
    issue = next(i for i in info.value.issues if i.field == field)
    assert message in issue.message
    assert issue.line is not None
    line = text.splitlines()[issue.line - 1]
    assert field.rsplit(".", 1)[-1].split("[")[0] in line or line.strip().startswith("- id")


def test_an_unreachable_state_is_refused() -> None:
    text = _broken("  - id: answered\n", "  - id: answered_x\n")
    with pytest.raises(ProcedureError) as info:
        parse_procedure(text)
    assert any("cannot be reached" in i.message for i in info.value.issues)


CAL = WorkCalendar()


def test_working_days_skip_a_cuti_bersama_week() -> None:
    # Idul Fitri 2026: 18-24 March are holidays or cuti bersama (Tuesday 17 March is the last
    # working day before them)
    assert not CAL.is_working_day(dt.date(2026, 3, 20))
    assert CAL.add_working_days(dt.date(2026, 3, 17), 1) == dt.date(2026, 3, 25)
    assert CAL.add_working_days(dt.date(2026, 3, 17), 7) == dt.date(2026, 4, 2)
    assert CAL.working_days_between(dt.date(2026, 3, 17), dt.date(2026, 3, 25)) == 1


def test_working_days_cross_the_year_boundary() -> None:
    # 24-25 December 2026 off (Natal + cuti bersama), 1 January 2027 off, weekends
    assert CAL.add_working_days(dt.date(2026, 12, 23), 1) == dt.date(2026, 12, 28)
    assert CAL.add_working_days(dt.date(2026, 12, 29), 3) == dt.date(2027, 1, 4)
    assert CAL.working_days_between(dt.date(2026, 12, 22), dt.date(2027, 1, 5)) == 6


def test_extra_days_off_count_and_a_bad_date_is_a_clear_error() -> None:
    days = parse_days_off("days:\n  - {date: 2026-06-09, reason: HUT daerah}\n")
    cal = WorkCalendar(extra_days_off=days)
    assert cal.add_working_days(dt.date(2026, 6, 8), 1) == dt.date(2026, 6, 10)
    with pytest.raises(DaysOffError) as info:
        parse_days_off("days:\n  - {date: 2026-02-30, reason: salah}\n", source="libur.yaml")
    assert str(info.value) == "libur.yaml:2: days[0].date: '2026-02-30' is not a date (YYYY-MM-DD)"
