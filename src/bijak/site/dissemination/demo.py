"""Demo data for dissemination (called by `bijak_demo_setup`): a campaign in progress over
Direktorat Gizi dan Kesehatan Keluarga with some staff done, some late, and one in-person
session recorded by the head. All names are invented. Idempotent."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

DEMO_TITLE = "Sosialisasi Tata Tertib Media Sosial 2026"
# (NIP, name, unit code, acknowledges in the demo)
DEMO_STAFF = [
    ("199101102016032001", "Wulan Sari", "DJKK.GIZI.EDU", True),
    ("198905052014031002", "Arif Budiman", "DJKK.GIZI.EDU.1", True),
    ("199207172017022003", "Mega Lestari", "DJKK.GIZI.EDU.1", False),
    ("198712122012121004", "Teguh Wibowo", "DJKK.GIZI", False),
]


def setup_demo_campaign(*, password: str) -> str:
    from django.contrib.auth import get_user_model

    from bijak.site.accounts.services import user_create
    from bijak.site.dissemination.attest import attested_text, policy_of, text_sha256
    from bijak.site.dissemination.models import Assignment, Campaign, Question
    from bijak.site.dissemination.services import (
        acknowledgement_record,
        campaign_start,
        head_confirm,
        question_bank_load,
        quiz_attempt_start,
        quiz_attempt_submit,
    )
    from bijak.site.org.models import Employee, OrgUnit
    from bijak.site.org.services import employee_create

    question_bank_load(actor=None)
    existing = Campaign.objects.filter(title=DEMO_TITLE).first()
    if existing is not None:
        return f"Kampanye sosialisasi demo / demo campaign: /sosialisasi/{existing.pk}/"
    users = get_user_model().objects
    units = {u.code: u for u in OrgUnit.objects.filter(code__startswith="DJKK.GIZI")}
    people: dict[str, Any] = {}
    for nip, name, code, _done in DEMO_STAFF:
        employee = Employee.objects.filter(nip=nip).first()
        if employee is None:
            username = name.split()[0].lower()
            user = users.filter(username=username).first() or user_create(
                actor=None,
                username=username,
                full_name=name,
                email=f"{username}@demo.bijak.invalid",
                password=password,
            )
            employee = employee_create(
                actor=None,
                nip=nip,
                name=name,
                unit=units[code],
                position="Staf",
                email=user.email,
                user=user,
            )
        people[nip] = employee
    head = users.get(username="kepala")
    today = timezone.localdate()
    campaign = campaign_start(
        actor=head,
        title=DEMO_TITLE,
        units=[units["DJKK.GIZI"]],
        start_date=today - dt.timedelta(days=21),
        due_date=today - dt.timedelta(days=2),
        question_count=10,
        pass_mark=80,
        target_percent=95,
    )
    # The head held an in-person session; Putri Maharani (no account) was there.
    putri = Employee.objects.filter(name="Putri Maharani").first()
    head_confirm(
        actor=head,
        campaign=campaign,
        unit=units["DJKK.GIZI"],
        mode="in_person",
        session_date=today - dt.timedelta(days=14),
        place="Ruang Rapat Direktorat Gizi",
        attendee_ids=[putri.pk] if putri else [],
    )
    for nip, _name, _code, done in DEMO_STAFF:
        if not done:
            continue
        assignment = Assignment.objects.select_related("campaign__policy_version").get(
            campaign=campaign, employee=people[nip]
        )
        user = people[nip].user
        attempt = quiz_attempt_start(assignment=assignment)
        bank = {q.key: q for q in Question.objects.filter(key__in=attempt.question_keys)}
        quiz_attempt_submit(
            actor=user, attempt=attempt, answers={k: bank[k].correct for k in attempt.question_keys}
        )
        assignment.refresh_from_db()
        shown = text_sha256(attested_text(policy_of(campaign.policy_version), "id"))
        acknowledgement_record(actor=user, assignment=assignment, shown_text_hash=shown, lang="id")
    return f"Kampanye sosialisasi demo / demo campaign: /sosialisasi/{campaign.pk}/"
