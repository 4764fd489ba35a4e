"""Campaigns: who is in scope, and every refusal the issue lists (clear message, nothing written)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.site.conftest import make_person
from tests.site.dissemination import dissem_fixtures as fx

from bijak.site.audit.models import AuditEntry
from bijak.site.dissemination.models import Assignment, Campaign
from bijak.site.dissemination.services import DisseminationError, campaign_start, campaign_sync

# the app's fixtures (see dissem_fixtures.py)
policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all


def _names(campaign: Any) -> set[str]:
    return set(
        Assignment.objects.filter(campaign=campaign, withdrawn_at__isnull=True).values_list(
            "employee_name", flat=True
        )
    )


def test_campaign_over_a_unit_reaches_its_sub_units_and_no_one_else(
    org_tree: Any, employee: Any, unit_head: Any, colleague: Any, campaign_over: Any
) -> None:
    campaign = campaign_over(org_tree.keu, actor=unit_head)
    assert _names(campaign) == {"Sari Wulandari", "Bambang Hartono"}
    entry = AuditEntry.objects.filter(action="campaign.start").get()
    assert entry.data["audience"] == 2 and entry.data["units"] == ["SJ.KEU"]


def test_due_date_before_start_is_refused(
    org_tree: Any, employee: Any, campaign_over: Any, today: dt.date
) -> None:
    with pytest.raises(DisseminationError, match="Tenggat tidak boleh sebelum tanggal mulai"):
        campaign_over(org_tree.keu, due_date=today - dt.timedelta(days=1))
    assert not Campaign.objects.exists()


def test_campaign_with_no_one_in_scope_is_refused(org_tree: Any, campaign_over: Any) -> None:
    with pytest.raises(DisseminationError, match="Tidak ada pegawai di unit yang dipilih"):
        campaign_over(org_tree.kpp)
    assert not Campaign.objects.exists()


def test_second_campaign_over_overlapping_units_and_same_version_is_refused(
    org_tree: Any, employee: Any, campaign_over: Any
) -> None:
    campaign_over(org_tree.keu)
    with pytest.raises(DisseminationError, match="sudah berjalan di unit yang sama"):
        campaign_over(org_tree.keu_budget, title="Lagi")
    assert Campaign.objects.count() == 1
    assert Assignment.objects.count() == 1


def test_bank_smaller_than_the_quiz_is_refused(
    org_tree: Any, employee: Any, campaign_over: Any, quiz_bank: int
) -> None:
    with pytest.raises(
        DisseminationError, match=f"hanya berisi {quiz_bank} soal aktif, kurang dari 500"
    ):
        campaign_over(org_tree.keu, question_count=500)


def test_late_joiner_gets_own_due_date_and_mover_follows_or_leaves(
    org_tree: Any, employee: Any, unit_head: Any, campaign_over: Any, today: dt.date
) -> None:
    from bijak.site.org.models import Employee

    campaign = campaign_over(
        org_tree.keu,
        start_date=today - dt.timedelta(days=20),
        due_date=today + dt.timedelta(days=3),
        joiner_days=14,
    )
    newcomer = make_person(
        username="joko",
        full_name="Joko Santoso",
        unit=org_tree.keu_budget,
        nip="199501012020121001",
    )
    counts = campaign_sync(campaign=campaign, today=today)
    assert counts["added"] == 1
    late = Assignment.objects.get(campaign=campaign, employee__user=newcomer)
    assert late.joined_late and late.due_date == today + dt.timedelta(days=14)
    # moved within the scope: follows the unit, still counted once
    Employee.objects.filter(user=newcomer).update(unit=org_tree.keu_budget_planning)
    assert campaign_sync(campaign=campaign, today=today)["moved"] == 1
    assert Assignment.objects.filter(campaign=campaign, employee__user=newcomer).count() == 1
    # moved out of the scope before acknowledging: withdrawn, not counted
    Employee.objects.filter(user=newcomer).update(unit=org_tree.kpp)
    assert campaign_sync(campaign=campaign, today=today)["withdrawn"] == 1
    assert _names(campaign) == {"Sari Wulandari", "Bambang Hartono"}
    # an employee deleted: the assignment keeps the name and NIP, and is withdrawn
    Employee.objects.filter(user=employee).delete()
    assert campaign_sync(campaign=campaign, today=today)["withdrawn"] == 1
    kept = Assignment.objects.get(campaign=campaign, employee_nip="199004122015032001")
    assert kept.employee_id is None and kept.employee_name == "Sari Wulandari" and kept.withdrawn_at


def test_periodic_campaign_renews_after_its_period(
    org_tree: Any, employee: Any, campaign_over: Any, today: dt.date
) -> None:
    from bijak.site.dissemination.services import campaign_renew_due

    first = campaign_over(
        org_tree.keu,
        start_date=today - dt.timedelta(days=400),
        due_date=today - dt.timedelta(days=370),
        period_months=12,
    )
    renewed = campaign_renew_due(today=today)
    assert len(renewed) == 1
    second = renewed[0]
    first.refresh_from_db()
    assert first.closed_at is not None and second.previous_id == first.pk
    assert second.due_date - second.start_date == first.due_date - first.start_date
    assert campaign_renew_due(today=today) == []  # running it again starts nothing twice


def test_campaign_start_requires_an_active_policy(
    org_tree: Any, employee: Any, quiz_bank: int, today: dt.date
) -> None:
    with pytest.raises(DisseminationError, match="Belum ada versi kebijakan yang aktif"):
        campaign_start(
            actor=None, title="x", units=[org_tree.keu], start_date=today, due_date=today
        )


def test_who_sees_manages_and_closes_a_campaign_follows_their_grants(
    org_tree: Any,
    campaign_over: Any,
    today: dt.date,
    employee: Any,
    unit_head: Any,
    officer: Any,
    auditor: Any,
    admin: Any,
) -> None:
    """The access layer asked directly (gaps found by `make mutation`): a campaign over SJ.KEU
    started by its head, and one over SJ.KPP started three days earlier by the officer."""
    from django.contrib.auth.models import AnonymousUser

    from bijak.site.dissemination import access
    from bijak.site.org.services import role_assign

    def scoped(username: str, unit: Any) -> Any:
        user = make_person(username=username, full_name=username)
        role_assign(actor=None, user=user, role="officer", unit=unit)
        return user

    keu = campaign_over(org_tree.keu, actor=unit_head, title="KEU")
    kpp = campaign_over(
        org_tree.kpp, actor=officer, title="KPP", start_date=today - dt.timedelta(days=3)
    )
    people = {
        "anonymous": AnonymousUser(),
        "employee": employee,
        "unit_head": unit_head,
        "officer": officer,
        "auditor": auditor,
        "admin": admin,
        "officer@keu": scoped("petugas-keu", org_tree.keu),
        "officer@kpp": scoped("petugas-kpp", org_tree.kpp),
    }

    def who(right: Any, campaign: Any) -> set[str]:
        return {name for name, user in people.items() if right(user, campaign)}

    visible = {
        name: [c.title for c in access.campaigns_visible_to(user)] for name, user in people.items()
    }
    assert visible["officer"] == visible["auditor"] == visible["admin"] == ["KEU", "KPP"]
    assert visible["unit_head"] == visible["officer@keu"] == ["KEU"]
    assert visible["officer@kpp"] == ["KPP"]
    assert visible["anonymous"] == visible["employee"] == []

    assert who(access.can_manage_campaign, keu) == {"unit_head", "officer", "admin", "officer@keu"}
    assert who(access.can_manage_campaign, kpp) == {"officer", "admin", "officer@kpp"}
    # close: whoever started it, or an officer/admin covering its whole scope
    assert who(access.can_close_campaign, keu) == {"unit_head", "officer", "admin", "officer@keu"}
    assert who(access.can_close_campaign, kpp) == {"officer", "admin", "officer@kpp"}

    heads = {
        name: [u.code for u in access.head_units_in(user, kpp)] for name, user in people.items()
    }
    # the Eselon II units of the scope the user manages (SJ.KPP, not its Eselon III and IV)
    assert heads["officer"] == heads["admin"] == heads["officer@kpp"] == ["SJ.KPP"]
    for name in ("unit_head", "officer@keu", "auditor", "employee", "anonymous"):
        assert heads[name] == [], name
