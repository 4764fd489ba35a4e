"""Quiz and acknowledgement: what was read is proved by hashes; nothing is counted twice; a
material policy change re-opens, a minor one does not."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from tests.site.dissemination import dissem_fixtures as fx

from bijak.policy import DEFAULT_POLICY_PATH
from bijak.site.audit.models import AuditEntry
from bijak.site.dissemination import quiz
from bijak.site.dissemination.attest import attested_text, policy_of
from bijak.site.dissemination.models import Acknowledgement, Assignment, Question
from bijak.site.dissemination.services import (
    DisseminationError,
    acknowledgement_record,
    policy_change_mark,
    quiz_attempt_start,
    quiz_attempt_submit,
)

# the app's fixtures (see dissem_fixtures.py)
policy_version = fx.policy_version
quiz_bank = fx.quiz_bank
today = fx.today
campaign_over = fx.campaign_over
answer_all = fx.answer_all


def _mine(campaign: Any, user: Any) -> Assignment:
    return Assignment.objects.select_related("campaign__policy_version").get(
        campaign=campaign, employee__user=user
    )


def _pass(assignment: Assignment, user: Any, answer_all: Any) -> None:
    attempt = quiz_attempt_start(assignment=assignment)
    quiz_attempt_submit(actor=user, attempt=attempt, answers=answer_all(attempt, right=True))
    assignment.refresh_from_db()


def _ack(assignment: Assignment, user: Any, lang: str = "id") -> Acknowledgement:
    text = attested_text(policy_of(assignment.campaign.policy_version), lang)
    return acknowledgement_record(
        actor=user,
        assignment=assignment,
        shown_text_hash=hashlib.sha256(text.encode()).hexdigest(),
        lang=lang,
    )


def test_starter_bank_covers_every_prohibition_three_times_and_has_a_header(quiz_bank: int) -> None:
    from bijak.site.dissemination.services import QUIZ_BANK_PATH

    assert quiz_bank >= 40
    head = QUIZ_BANK_PATH.read_text(encoding="utf-8").splitlines()[:3]
    assert any("Written by the bijak authors" in line for line in head)
    for clause in [f"B.{i}" for i in range(1, 9)]:
        assert Question.objects.filter(clause_id=clause).count() >= 3, clause
    assert (
        Question.objects.filter(clause_id__startswith="C.").values("clause_id").distinct().count()
        >= 2
    )
    for q in Question.objects.all():
        assert q.text_en and q.explanation_en and 0 <= q.correct < len(q.choices)


def test_a_draw_is_stratified_over_all_prohibitions(quiz_bank: int) -> None:
    import random

    bank = list(Question.objects.all())
    for seed in range(20):
        keys = quiz.draw(bank, 10, rng=random.Random(seed))
        clauses = {q.clause_id for q in bank if q.key in keys}
        assert {f"B.{i}" for i in range(1, 9)} <= clauses
        assert len({c for c in clauses if c.startswith("C.")}) >= 2
        assert len(set(keys)) == 10


def test_failed_quiz_names_the_missed_clauses_then_pass_and_acknowledge(
    org_tree: Any, employee: Any, campaign_over: Any, answer_all: Any
) -> None:
    campaign = campaign_over(org_tree.keu)
    assignment = _mine(campaign, employee)
    with pytest.raises(DisseminationError, match="Selesaikan kuis dengan nilai lulus"):
        _ack(assignment, employee)
    first = quiz_attempt_start(assignment=assignment)
    assert quiz_attempt_start(assignment=assignment).pk == first.pk  # a reload keeps the draw
    failed = quiz_attempt_submit(
        actor=employee, attempt=first, answers=answer_all(first, right=False)
    )
    assert failed.score == 0 and not failed.passed
    drawn = set(
        Question.objects.filter(key__in=first.question_keys).values_list("clause_id", flat=True)
    )
    assert set(failed.missed_clauses) == drawn
    second = quiz_attempt_start(assignment=assignment)
    assert second.pk != first.pk
    quiz_attempt_submit(actor=employee, attempt=second, answers=answer_all(second, right=True))
    assignment.refresh_from_db()
    assert assignment.attempts == 2 and assignment.best_score == 100 and assignment.passed_at
    ack = _ack(assignment, employee)
    version = campaign.policy_version
    assert (
        ack.policy_hash
        == version.content_hash
        == hashlib.sha256(DEFAULT_POLICY_PATH.read_bytes()).hexdigest()
    )
    shown = attested_text(policy_of(version), "id")
    assert ack.text_hash == hashlib.sha256(shown.encode("utf-8")).hexdigest()
    assert "B.2. " in shown and ack.quiz_score == 100 and ack.quiz_attempts == 2
    entry = AuditEntry.objects.filter(action="acknowledgement.record").get()
    assert entry.data["text_hash"] == ack.text_hash


def test_the_same_attempt_sent_twice_from_two_tabs_counts_once(
    org_tree: Any, employee: Any, campaign_over: Any, answer_all: Any
) -> None:
    assignment = _mine(campaign_over(org_tree.keu), employee)
    attempt = quiz_attempt_start(assignment=assignment)
    quiz_attempt_submit(actor=employee, attempt=attempt, answers=answer_all(attempt, right=False))
    with pytest.raises(DisseminationError, match="sudah dijawab \\(mungkin di tab lain\\)"):
        quiz_attempt_submit(
            actor=employee, attempt=attempt, answers=answer_all(attempt, right=True)
        )
    assignment.refresh_from_db()
    assert assignment.attempts == 1 and assignment.passed_at is None


def test_acknowledging_twice_or_a_changed_text_is_refused(
    org_tree: Any, employee: Any, campaign_over: Any, answer_all: Any
) -> None:
    assignment = _mine(campaign_over(org_tree.keu), employee)
    _pass(assignment, employee, answer_all)
    with pytest.raises(DisseminationError, match="Teks tata tertib telah berubah"):
        acknowledgement_record(
            actor=employee, assignment=assignment, shown_text_hash="0" * 64, lang="id"
        )
    _ack(assignment, employee, lang="en")
    with pytest.raises(DisseminationError, match="sudah menyatakan memahami"):
        _ack(assignment, employee)
    assert Acknowledgement.objects.count() == 1


def _policy_variant(tmp_path: Path, old: str, new: str, version: str) -> Path:
    raw = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")
    assert old in raw
    changed = raw.replace(old, new, 1)
    import re

    changed = re.sub(r"(?m)^version: .*$", f'version: "{version}"', changed, count=1)
    path = tmp_path / f"policy-{version}.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


def test_ack_survives_reloading_the_same_policy_stays_after_minor_and_goes_stale_after_material(
    org_tree: Any, employee: Any, campaign_over: Any, answer_all: Any, tmp_path: Path
) -> None:
    from bijak.site.policies.services import policy_version_load

    campaign = campaign_over(org_tree.keu)
    assignment = _mine(campaign, employee)
    _pass(assignment, employee, answer_all)
    ack = _ack(assignment, employee)
    again = policy_version_load(actor=None)  # same bytes: same version, nothing changes
    assert again.pk == campaign.policy_version_id
    ack.refresh_from_db()
    assert ack.stale_since is None
    minor = policy_version_load(
        actor=None,
        path=_policy_variant(
            tmp_path,
            "Spreading health-related hoaxes.",
            "Spreading health-related hoaxes .",
            "minor-1",
        ),
    )
    policy_change_mark(actor=None, version=minor, material=False, note="typo")
    ack.refresh_from_db()
    campaign.refresh_from_db()
    assert ack.stale_since is None and campaign.policy_version_id == minor.pk
    material = policy_version_load(
        actor=None,
        path=_policy_variant(
            tmp_path,
            "Spreading health-related hoaxes.",
            "Spreading any health-related hoax or rumour.",
            "material-1",
        ),
    )
    policy_change_mark(actor=None, version=material, material=True)
    ack.refresh_from_db()
    assert ack.stale_since is not None
    assignment = _mine(campaign, employee)
    renewed = _ack(assignment, employee)  # re-opened: a new acknowledgement of the new text
    assert renewed.policy_hash == material.content_hash != ack.policy_hash
    assert Acknowledgement.objects.filter(stale_since__isnull=True).count() == 1
