"""Every write of dissemination leaves its audit entry in the same transaction; when the audit
write fails, nothing of the write remains."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.site.dissemination import dissem_fixtures as fx

from bijak.site.audit.models import AuditEntry
from bijak.site.dissemination import services
from bijak.site.dissemination.attest import attested_text, policy_of, text_sha256
from bijak.site.dissemination.models import Acknowledgement, Assignment, Campaign, HeadConfirmation

policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all


def _actions() -> list[str]:
    return list(AuditEntry.objects.order_by("seq").values_list("action", flat=True))


def test_each_write_records_its_action(
    org_tree: Any,
    employee: Any,
    unit_head: Any,
    officer: Any,
    campaign_over: Any,
    answer_all: Any,
    today: dt.date,
) -> None:
    campaign = campaign_over(org_tree.keu, actor=unit_head)
    assignment = Assignment.objects.select_related("campaign__policy_version").get(
        campaign=campaign, employee__user=employee
    )
    attempt = services.quiz_attempt_start(assignment=assignment)
    services.quiz_attempt_submit(
        actor=employee, attempt=attempt, answers=answer_all(attempt, right=True)
    )
    assignment.refresh_from_db()
    services.acknowledgement_record(
        actor=employee,
        assignment=assignment,
        lang="id",
        shown_text_hash=text_sha256(attested_text(policy_of(campaign.policy_version), "id")),
    )
    services.head_confirm(actor=unit_head, campaign=campaign, unit=org_tree.keu, mode="online")
    services.policy_change_mark(actor=officer, version=campaign.policy_version, material=False)
    services.reminders_run(today=today)
    services.campaign_close(actor=unit_head, campaign=campaign)
    actions = _actions()
    for action in (
        "quiz_bank.load",
        "campaign.start",
        "quiz.submit",
        "acknowledgement.record",
        "campaign.head_confirm",
        "policy_change.mark",
        "reminder.start",
        "notification.enqueue",
        "campaign.close",
    ):
        assert action in actions, action


def test_a_failing_audit_write_leaves_nothing_behind(
    org_tree: Any, employee: Any, unit_head: Any, campaign_over: Any, monkeypatch: Any
) -> None:
    campaign = campaign_over(org_tree.keu, actor=unit_head)

    def broken(**_kw: Any) -> None:
        raise RuntimeError("audit down")

    monkeypatch.setattr(services, "audit_record", broken)
    with pytest.raises(RuntimeError):
        campaign_over(org_tree.keu_budget, title="Kedua", policy_version=_other_version())
    assert Campaign.objects.count() == 1
    with pytest.raises(RuntimeError):
        services.head_confirm(actor=unit_head, campaign=campaign, unit=org_tree.keu, mode="online")
    assert not HeadConfirmation.objects.exists()
    assignment = Assignment.objects.select_related("campaign__policy_version").get(
        campaign=campaign, employee__user=employee
    )
    Campaign.objects.filter(pk=campaign.pk).update(question_count=0)
    assignment.campaign.question_count = 0
    with pytest.raises(RuntimeError):
        services.acknowledgement_record(
            actor=employee,
            assignment=assignment,
            lang="id",
            shown_text_hash=text_sha256(attested_text(policy_of(campaign.policy_version), "id")),
        )
    assert not Acknowledgement.objects.exists()
    assignment.refresh_from_db()
    assert assignment.acknowledged_at is None


def _other_version() -> Any:
    from bijak.site.policies.models import PolicyVersion

    active = PolicyVersion.objects.get(is_active=True)
    return PolicyVersion.objects.create(
        policy_id=active.policy_id,
        version="0.9",
        content_hash="e" * 64,
        source_text=active.source_text,
    )
