"""Every path of the procedure, refusals, conflicts of interest, deadlines and escalation
(written by the bijak authors)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from cases_helpers import NOW, TODAY, head_of_root, open_case, second_officer, step

from bijak.site.audit.models import AuditEntry
from bijak.site.cases.models import Case, CaseDocument, CaseEvent
from bijak.site.cases.services import (
    CaseConflict,
    CaseError,
    Upload,
    case_escalate_due,
    case_respond,
)
from bijak.site.notifications.models import Notification

# 7 working days after Monday 8 June 2026 (16 June, Islamic New Year, is off)
EXAM = dt.date(2026, 6, 18)


def _to_examined(case: Any, actor: Any) -> None:
    step(case, actor, "summon_1", examination_date=EXAM)
    step(case, actor, "examine", today=EXAM, record="Pegawai mengakui unggahan itu.")


@pytest.fixture
def people(officer: Any, employee: Any, unit_head: Any, ppk: Any, org_tree: Any) -> dict[str, Any]:
    return {
        "officer": officer,
        "employee": employee,
        "superior": unit_head,
        "ppk": ppk,
        "superior2": head_of_root(org_tree),
        "officer2": second_officer(org_tree),
    }


def test_opening_notifies_the_direct_superior_with_a_deadline(people: dict[str, Any]) -> None:
    case = open_case(people["officer"], people["employee"])
    assert case.number == "PD-2026-0001"
    assert case.state == "opened"
    assert case.deadline == EXAM  # 7 working days
    note = Notification.objects.get(template="cases/superior")
    assert note.recipient == people["superior"]
    assert note.context["deadline"] == "2026-06-18"
    assert (
        case.files.get().sha256 == __import__("hashlib").sha256(b"%PDF-1.4\n% bukti\n").hexdigest()
    )
    assert AuditEntry.objects.filter(action="case.open", target_id=str(case.pk)).exists()


def test_light_penalty_path_with_objection_and_second_person_close(people: dict[str, Any]) -> None:
    o, o2 = people["officer"], people["officer2"]
    case = open_case(o, people["employee"])
    step(case, people["superior"], "summon_1", examination_date=EXAM)
    step(case, o, "examine", today=EXAM, record="Pegawai mengakui unggahan itu.")
    case = step(
        case,
        people["superior"],
        "decide_light",
        today=EXAM,
        penalty="teguran_tertulis",
        reason="Terbukti melanggar butir B.2.",
    )
    assert (case.outcome, case.penalty) == ("light", "teguran_tertulis")
    step(case, o, "deliver", today=EXAM)
    case = step(case, people["employee"], "object", today=EXAM, reason="Saya keberatan.")
    assert case.state == "objection"
    step(case, people["superior2"], "answer_objection", today=EXAM, reason="Keberatan ditolak.")
    step(case, o, "request_close", today=EXAM)
    with pytest.raises(CaseError, match="orang lain daripada yang mengajukannya"):
        step(case, o, "approve_close", today=EXAM)
    case = step(case, o2, "approve_close", today=EXAM)
    assert case.state == "closed"
    kinds = list(CaseDocument.objects.filter(case=case).values_list("kind", flat=True))
    assert kinds == ["summons_1", "bap", "decision", "delivery"]
    for doc in CaseDocument.objects.filter(case=case):
        assert bytes(doc.pdf).startswith(b"%PDF")
        entry = AuditEntry.objects.get(action="case.document", data__document=doc.pk)
        assert entry.data["sha256"] == doc.sha256


ROLE_PERSONA = {
    "superior": "superior",
    "superior2": "superior2",
    "officer": "officer",
    "ppk": "ppk",
    "employee": "employee",
}


def _edges(procedure: Any) -> set[tuple[str, str]]:
    return {(src, t.id) for t in procedure.transitions for src in t.sources}


def _cheapest(procedure: Any, start: str, goal: Any, done: set[tuple[str, str]]) -> list[Any]:
    """The transitions from `start` to the first state where `goal(state)` holds, preferring
    edges not walked yet (Dijkstra: a new edge costs 1, a walked one 10)."""
    import heapq

    queue: list[tuple[int, int, str, list[Any]]] = [(0, 0, start, [])]
    best: dict[str, int] = {}
    tie = 0
    while queue:
        cost, _, state, path = heapq.heappop(queue)
        if goal(state):
            return path
        if best.get(state, 1 << 30) <= cost:
            continue
        best[state] = cost
        for t in procedure.transitions_from(state):
            tie += 1
            step_cost = 10 if (state, t.id) in done else 1
            heapq.heappush(queue, (cost + step_cost, tie, t.target, [*path, (state, t)]))
    raise AssertionError(f"no way from {start}")


def test_every_transition_of_the_shipped_procedure_is_walked(people: dict[str, Any]) -> None:
    """Data-driven: paths from the initial state through every (state, transition) edge of the
    procedure file to a terminal state (no breach, guidance, light penalty, referral with and
    without a Tim Pemeriksa, no-show twice, objection, closing), each step taken by a person
    holding one of its roles, checking state, outcome, documents and audit entry per step."""
    from bijak.site.cases.procedure import procedure_shipped
    from bijak.site.cases.services import calendar

    procedure = procedure_shipped()
    terminal = {s.id for s in procedure.states if s.terminal}
    todo = _edges(procedure)
    done: set[tuple[str, str]] = set()
    cal = calendar()
    paths = 0
    while todo - done:
        source, tid = sorted(todo - done)[0]
        head = _cheapest(procedure, procedure.initial, lambda s, src=source: s == src, done)
        middle = [(source, procedure.transition(tid))]
        tail = _cheapest(
            procedure,
            middle[0][1].target,
            lambda s: s in terminal,
            done | {(a, t.id) for a, t in head + middle},
        )
        case = open_case(people["officer"], people["employee"])
        for state, t in head + middle + tail:
            assert case.state == state
            person = people[ROLE_PERSONA[t.by[0]]]
            if t.second_person:  # closing needs someone else than who asked
                person = people["officer2"] if "officer" in t.by else people["ppk"]
            inputs: dict[str, Any] = {}
            for name in t.inputs:
                if name == "examination_date":
                    inputs[name] = cal.add_working_days(TODAY, t.min_working_days_ahead)
                elif name == "penalty":
                    inputs[name] = t.penalties[0]
                else:
                    inputs[name] = f"Isian {name} untuk {t.id}."
            before = list(case.documents.values_list("kind", flat=True))
            case = step(case, person, t.id, **inputs)
            assert case.state == t.target, t.id
            if t.outcome:
                assert case.outcome == t.outcome
            after = list(case.documents.order_by("pk").values_list("kind", flat=True))
            assert after == [*before, *t.documents], t.id
            assert AuditEntry.objects.filter(
                action=f"case.{t.id}", target_id=str(case.pk), data__from=state
            ).exists()
            done.add((state, t.id))
        assert case.state in terminal
        paths += 1
    assert done == todo
    assert paths <= 12


def test_no_show_twice_is_decided_on_the_evidence(people: dict[str, Any]) -> None:
    o = people["officer"]
    case = open_case(o, people["employee"])
    step(case, o, "summon_1", examination_date=EXAM)
    case = step(case, o, "summon_2", today=EXAM, examination_date=dt.date(2026, 6, 29))
    assert case.examination_date == dt.date(2026, 6, 29)
    step(case, o, "no_show", today=dt.date(2026, 6, 29))
    case = step(
        case,
        o,
        "decide_light",
        today=dt.date(2026, 6, 29),
        penalty="teguran_lisan",
        reason="Diputus berdasarkan alat bukti.",
    )
    assert case.state == "decided"
    assert CaseDocument.objects.filter(case=case, kind="summons_2").count() == 1


def test_referral_through_a_tim_pemeriksa_with_its_outcome(
    people: dict[str, Any], admin: Any
) -> None:
    o, ppk = people["officer"], people["ppk"]
    case = open_case(o, people["employee"])
    _to_examined(case, o)
    # neither the officer nor the system administrator is the PPK: only the PPK grant forms it
    for not_ppk in (o, admin):
        with pytest.raises(CaseError, match="tidak berwenang"):
            step(case, not_ppk, "form_team", today=EXAM, team_members="A, B, C")
    step(case, ppk, "form_team", today=EXAM, team_members="A, B, C")
    step(case, ppk, "team_examine", today=EXAM, record="Tim memeriksa.")
    case = step(case, o, "refer", today=EXAM, reason="Ancaman hukuman sedang.")
    assert (case.state, case.outcome) == ("referred", "referral")
    case = step(
        case,
        ppk,
        "record_referral_outcome",
        today=EXAM,
        reason="PPK menjatuhkan pemotongan tunjangan kinerja 25% selama 6 bulan.",
    )
    assert case.state == "decided"


def test_a_step_not_allowed_from_the_state_changes_nothing(people: dict[str, Any]) -> None:
    case = open_case(people["officer"], people["employee"])
    before = (AuditEntry.objects.count(), CaseEvent.objects.count())
    with pytest.raises(CaseError) as info:
        step(case, people["officer"], "deliver")
    assert str(info.value) == (
        "Langkah \u201cCatat penyampaian keputusan\u201d tidak dapat dilakukan "
        "pada tahap \u201cDibuka, menunggu tindakan atasan langsung\u201d."
    )
    case.refresh_from_db()
    assert (case.state, case.version) == ("opened", 0)
    assert (AuditEntry.objects.count(), CaseEvent.objects.count()) == before


def test_summons_needs_seven_working_days_and_a_stale_page_is_told(people: dict[str, Any]) -> None:
    from bijak.site.cases.services import case_transition

    case = open_case(people["officer"], people["employee"])
    with pytest.raises(CaseError, match="paling cepat 2026-06-18"):
        step(case, people["officer"], "summon_1", examination_date=dt.date(2026, 6, 17))
    step(case, people["officer"], "summon_1", examination_date=EXAM)
    with pytest.raises(CaseConflict, match="baru saja diubah oleh orang lain"):
        case_transition(
            actor=people["officer2"],
            case_id=case.pk,
            transition="summon_2",
            expected_version=0,
            inputs={},
            today=TODAY,
        )


def test_colleagues_employee_and_subordinates_cannot_act(
    people: dict[str, Any], colleague: Any, org_tree: Any
) -> None:
    from conftest import make_person

    case = open_case(people["officer"], people["employee"])
    with pytest.raises(CaseError, match="tidak berwenang"):
        step(case, colleague, "summon_1", examination_date=EXAM)
    with pytest.raises(CaseError, match="tidak berwenang"):
        step(case, people["employee"], "summon_1", examination_date=EXAM)
    # an officer working under the employee's superior may not open a case about that superior
    sub_officer = make_person(
        username="wati",
        full_name="Wati",
        unit=org_tree.keu_budget,
        nip="199101012015032009",
        roles=(("officer", None),),
    )
    with pytest.raises(CaseError, match="atasan Anda"):
        open_case(sub_officer, people["superior"])
    case2 = open_case(people["officer"], people["superior"])
    with pytest.raises(CaseError, match="atasan Anda"):
        step(case2, sub_officer, "summon_1", examination_date=EXAM)


def test_objection_after_its_window_is_refused(people: dict[str, Any]) -> None:
    o = people["officer"]
    case = open_case(o, people["employee"])
    _to_examined(case, o)
    step(case, o, "decide_guidance", today=EXAM, reason="Pembinaan.")
    case = step(case, o, "deliver", today=EXAM)
    assert case.deadline == dt.date(2026, 7, 8)
    with pytest.raises(CaseError, match="sudah lewat"):
        step(case, people["employee"], "object", today=dt.date(2026, 7, 9), reason="Terlambat.")


def test_overdue_superior_escalates_once_to_their_superior_and_the_officers(
    people: dict[str, Any],
) -> None:
    case = open_case(people["officer"], people["employee"])
    assert case_escalate_due(today=dt.date(2026, 6, 18)) == 0
    assert case_escalate_due(today=dt.date(2026, 6, 19)) == 1
    assert case_escalate_due(today=dt.date(2026, 6, 22)) == 0
    told = set(
        Notification.objects.filter(template="cases/overdue").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"kepala", "rina", "yanti"}
    assert CaseEvent.objects.filter(case=case, kind="escalate").count() == 1


def test_employee_responds_with_a_file_that_must_be_what_it_says(people: dict[str, Any]) -> None:
    case = open_case(people["officer"], people["employee"])
    with pytest.raises(CaseError, match="tidak sesuai dengan namanya"):
        case_respond(
            actor=people["employee"],
            case_id=case.pk,
            text="Tanggapan",
            upload=Upload("foto.png", b"%PDF-1.4"),
        )
    with pytest.raises(CaseError, match="terlalu besar"):
        case_respond(
            actor=people["employee"],
            case_id=case.pk,
            text="Tanggapan",
            upload=Upload("a.txt", b"a" * (5 * 1024 * 1024 + 1)),
        )
    with pytest.raises(CaseError, match="Hanya pegawai"):
        case_respond(actor=people["officer"], case_id=case.pk, text="x")
    event = case_respond(
        actor=people["employee"],
        case_id=case.pk,
        text="Saya keberatan.",
        upload=Upload("jawaban.txt", b"penjelasan saya"),
        now=NOW,
    )
    assert event.data["file"]["name"] == "jawaban.txt"
    assert Case.objects.get(pk=case.pk).files.filter(role="response").count() == 1


def test_a_template_missing_a_field_is_refused_at_registration(admin: Any) -> None:
    from bijak.site.cases.documents import TemplateError, template_register

    with pytest.raises(TemplateError) as info:
        template_register(
            actor=admin, kind="summons_1", body="Panggilan {case_number} {employee_name}"
        )
    assert str(info.value) == (
        "Templat summons_1 tidak memuat isian wajib: document_number, "
        "employee_nip, examination_date"
    )
    with pytest.raises(TemplateError, match="tidak dikenal: gaji"):
        template_register(actor=admin, kind="bap", body="{gaji}")
    body = "{document_number} {case_number} {employee_name} {employee_nip} {record}"
    first = template_register(actor=admin, kind="bap", body=body)
    again = template_register(actor=admin, kind="bap", body=body)
    changed = template_register(actor=admin, kind="bap", body=body + " ")
    assert first.pk == again.pk and changed.version == first.version + 1
    assert AuditEntry.objects.filter(action="case.template.register").count() == 2


def test_case_deadlines_skip_cuti_bersama_and_cross_the_year_with_time_frozen(
    people: dict[str, Any],
) -> None:
    """Time is frozen by passing `today`/`now` to the services (no clock is read)."""
    from django.utils import timezone

    def at(day: dt.date) -> dt.datetime:
        return timezone.make_aware(dt.datetime.combine(day, dt.time(9)))

    # Tuesday 17 March 2026: Nyepi, Idul Fitri and their cuti bersama take 18-24 March
    lebaran = open_case(
        people["officer"],
        people["employee"],
        today=dt.date(2026, 3, 17),
        now=at(dt.date(2026, 3, 17)),
    )
    assert lebaran.deadline == dt.date(2026, 4, 2)
    note = Notification.objects.get(template="cases/superior", context__case_id=lebaran.pk)
    assert note.context["deadline"] == "2026-04-02"
    assert case_escalate_due(today=dt.date(2026, 4, 2)) == 0
    assert case_escalate_due(today=dt.date(2026, 4, 3)) == 1
    # Wednesday 23 December 2026: 24 (cuti bersama), 25 December, 1 January and 5 January 2027
    # (Isra Mikraj) are off; the summons needs 7 working days before the examination
    year_end = open_case(
        people["officer"],
        people["employee"],
        today=dt.date(2026, 12, 23),
        now=at(dt.date(2026, 12, 23)),
    )
    assert year_end.number == "PD-2026-0002" and year_end.deadline == dt.date(2027, 1, 7)
    with pytest.raises(CaseError, match="paling cepat 2027-01-07"):
        step(
            year_end,
            people["officer"],
            "summon_1",
            today=dt.date(2026, 12, 23),
            examination_date=dt.date(2027, 1, 6),
        )
    # a case opened in the new year is numbered in it
    new_year = open_case(
        people["officer"],
        people["employee"],
        today=dt.date(2027, 1, 4),
        now=at(dt.date(2027, 1, 4)),
    )
    assert new_year.number == "PD-2027-0001"


def test_documents_carry_every_character_of_their_text() -> None:
    """Indonesian text is set in the Latin subset of DejaVu Sans; a character outside it (an
    Arabic name, an emoji-free symbol from another script) sends the document to the full font,
    so nothing is lost either way (read back from the PDF with PDFium)."""
    import pypdfium2 as pdfium

    from bijak.site.cases.documents import _fonts, layout, render_pdf

    def text_of(pdf: bytes) -> str:
        doc = pdfium.PdfDocument(pdf)
        try:
            page = doc[0]
            return str(page.get_textpage().get_text_range())
        finally:
            doc.close()

    _full, _small, covered = _fonts()
    latin = "# SURAT PANGGILAN I\nYth. Sdr. Sari Wulandari – “kutipan” é ß Ł"
    other = "# SURAT PANGGILAN I\nYth. Sdr. Ахмед Ωμέγα"
    assert {ord(c) for c in latin if c != "\n"} <= covered
    assert not {ord(c) for c in other} <= covered
    for body in (latin, other):
        pdf = render_pdf(kind="summons_1", parts=layout(body, {}), title="x", when=NOW)
        seen = text_of(pdf)
        for word in body.replace("# ", "").split():
            assert word in seen, (word, seen)


def test_a_field_cannot_change_the_layout_of_a_document() -> None:
    """A record that starts a line with `# ` or holds ` | ` is text of its paragraph: the
    layout comes from the template's own lines."""
    from bijak.site.cases.documents import layout

    record = "# PUTUSAN PALSU\nNama | Orang Lain\n>> Pejabat Palsu"
    parts = layout(
        "# BERITA ACARA\nHasil | {record}\n{record}\n>> {actor}",
        {"record": record, "actor": "Rina"},
    )
    assert [(p.mark, p.label, p.text) for p in parts] == [
        ("heading", "", "BERITA ACARA"),
        ("row", "Hasil", record),
        ("para", "", record),
        ("sign", "", "Rina"),
    ]
