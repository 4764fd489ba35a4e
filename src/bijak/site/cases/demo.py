"""Demo cases in different states for `make demo` (written by the bijak authors; invented
people from the demo organisation)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from bijak.site.cases import services
from bijak.site.cases.models import Case
from bijak.site.org.models import Employee

EVIDENCE = b"%PDF-1.4\n% contoh bukti demo bijak\n"


def cases_demo_populate() -> int:
    """Create the demo cases once; returns how many were created."""
    if Case.objects.exists():
        return 0
    users = get_user_model().objects
    officer, ppk, employee = (users.get(username=u) for u in ("petugas", "ppk", "pegawai"))
    today = timezone.localdate()
    cal = services.calendar()
    exam = cal.add_working_days(today, 7)

    def person(nip: str) -> Employee:
        return Employee.objects.get(nip=nip)

    def open_(emp: Employee, clauses: list[str], summary: str, **kw: Any) -> Case:
        return services.case_open(
            actor=officer,
            employee=emp,
            clauses=clauses,
            summary=summary,
            files=[services.Upload("bukti.pdf", EVIDENCE)],
            **kw,
        )

    def step(case: Case, actor: Any, transition: str, **inputs: Any) -> Case:
        case.refresh_from_db()
        return services.case_transition(
            actor=actor,
            case_id=case.pk,
            transition=transition,
            expected_version=case.version,
            inputs=inputs,
        )

    dimas = employee.employee
    open_(dimas, ["B.2"], "Unggahan yang menyebarkan informasi kesehatan yang belum terverifikasi.")
    summoned = open_(
        person("199507222020122006"), ["B.1"], "Komentar yang merendahkan pimpinan di akun pribadi."
    )
    step(summoned, officer, "summon_1", examination_date=exam)
    objected = open_(dimas, ["B.4"], "Unggahan ulang tautan judi daring.")
    step(objected, officer, "summon_1", examination_date=exam)
    step(objected, officer, "examine", record="Pegawai mengakui membagikan tautan tanpa membaca.")
    step(
        objected,
        officer,
        "decide_light",
        penalty="teguran_tertulis",
        reason="Terbukti melanggar butir B.4; pelanggaran pertama.",
    )
    step(objected, officer, "deliver")
    services.case_respond(
        actor=employee,
        case_id=objected.pk,
        text="Saya tidak tahu tautan itu mengarah ke situs judi.",
    )
    step(objected, employee, "object", reason="Saya keberatan: tautan itu dibagikan tanpa sengaja.")
    closed = open_(person("199011012015031007"), ["B.2"], "Aduan tentang unggahan foto kegiatan.")
    step(closed, officer, "summon_1", examination_date=exam)
    step(closed, officer, "examine", record="Foto itu kegiatan resmi yang sudah diumumkan.")
    step(closed, officer, "decide_no_breach", reason="Tidak ada informasi rahasia.")
    step(closed, officer, "deliver")
    step(closed, officer, "request_close")
    step(closed, ppk, "approve_close")
    # a moderate penalty expected: the PPK (the holder of the PPK grant covering the employee;
    # see the roles in data/pp94-2021.yaml) forms a Tim Pemeriksa
    team = open_(
        person("199011012015031007"),
        ["B.1", "B.5"],
        "Unggahan berulang yang menyerang pribadi pejabat, setelah teguran sebelumnya.",
    )
    step(team, officer, "summon_1", examination_date=exam)
    step(team, officer, "examine", record="Pegawai hadir; unggahan diakui, alasan tidak jelas.")
    step(
        team,
        ppk,
        "form_team",
        team_members="Kepala Biro SDM (ketua); atasan langsung; Inspektorat (anggota)",
    )
    past = today - dt.timedelta(days=21)
    open_(
        person("199306182019022008"),
        ["B.3"],
        "Unggahan yang belum ditindaklanjuti atasan.",
        today=past,
        now=timezone.now() - dt.timedelta(days=21),
    )
    services.case_escalate_due(today=today)
    return Case.objects.count()
