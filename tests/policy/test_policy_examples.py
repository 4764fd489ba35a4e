"""The worked examples file: it belongs to the shipped policy, names only real clauses, and a
prohibition's examples each come with a rewrite within the rules."""

from __future__ import annotations

from pathlib import Path

import yaml

from bijak.policy import load_policy
from bijak.policy.examples import DEFAULT_EXAMPLES_PATH, examples_for


def test_examples_name_only_clauses_of_the_policy():
    policy = load_policy()
    data = yaml.safe_load(DEFAULT_EXAMPLES_PATH.read_text(encoding="utf-8"))
    assert data["policy_id"] == policy.id
    ids = {c.id for c in policy.clauses}
    assert set(data["examples"]) <= ids
    header = DEFAULT_EXAMPLES_PATH.read_text(encoding="utf-8").splitlines()[:4]
    assert any("Written by the bijak authors" in line for line in header)


def test_prohibition_examples_carry_a_rewrite_and_recommendations_a_reason():
    policy = load_policy()
    for clause in policy.clauses:
        for example in examples_for(policy.id, clause.id):
            if example.kind == "breaks":
                assert clause.kind == "larangan"
                assert example.better_id and example.better_en
                assert example.post_id != example.better_id
            else:
                assert example.why_id and example.why_en


def test_examples_of_another_policy_are_not_shown(tmp_path: Path):
    policy = load_policy()
    assert examples_for("dinkes-contoh-2024", "B.2") == ()
    assert len(examples_for(policy.id, "B.2")) == 2
    assert examples_for(policy.id, "Z.1") == ()
