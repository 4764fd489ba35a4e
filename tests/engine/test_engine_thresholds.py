"""Scores exactly on the review and the breach threshold (issue 8, defect 11: `>=` turned into
`>` went unnoticed because no test put a score on a boundary). For every category of the
policy: just below review is `aman`, exactly review is `tinjau`, just below breach is `tinjau`,
exactly breach is `langgar` (`tinjau` for a caution category), and the same through the whole
mapping with a real finding."""

from __future__ import annotations

import math

import pytest

from bijak.engine.findings import Finding
from bijak.engine.mapping import PolicyMapper
from bijak.policy import load_policy

POLICY = load_policy()
MAPPER = PolicyMapper(POLICY)
RAISING = [c for c in POLICY.categories if c.kind != "positive"]
POSITIVE = [c for c in POLICY.categories if c.kind == "positive"]


def below(x: float) -> float:
    return math.nextafter(x, 0.0)


@pytest.mark.parametrize("category", RAISING, ids=lambda c: c.id)
def test_category_verdict_on_each_boundary(category):
    at_breach = "tinjau" if category.kind == "caution" else "langgar"
    assert 0 < category.review_threshold < category.breach_threshold <= 1
    assert MAPPER.category_verdict(category.id, below(category.review_threshold)) == "aman"
    assert MAPPER.category_verdict(category.id, category.review_threshold) == "tinjau"
    assert MAPPER.category_verdict(category.id, below(category.breach_threshold)) == "tinjau"
    assert MAPPER.category_verdict(category.id, category.breach_threshold) == at_breach


@pytest.mark.parametrize(
    "category", [c for c in RAISING if c.kind != "caution"], ids=lambda c: c.id
)
def test_the_model_alone_on_the_breach_boundary_asks_for_review(category):
    assert MAPPER.model_only_verdict(category.id, below(category.breach_threshold)) == "aman"
    assert MAPPER.model_only_verdict(category.id, category.breach_threshold) == "tinjau"


@pytest.mark.parametrize(
    "category", [c for c in RAISING if c.kind == "caution"], ids=lambda c: c.id
)
def test_the_model_alone_raises_a_caution_category_from_its_review_threshold(category):
    """A caution category tops out at ``tinjau``, so its breach threshold is never a verdict
    step; the model alone used to be held to it and could never raise tanpa_sumber."""
    assert category.model_threshold == category.review_threshold
    assert MAPPER.model_only_verdict(category.id, below(category.review_threshold)) == "aman"
    assert MAPPER.model_only_verdict(category.id, category.review_threshold) == "tinjau"
    assert MAPPER.model_only_verdict(category.id, 1.0) == "tinjau"


def finding(category: str, score: float) -> Finding:
    return Finding(category, 0, 1, score, "bijak.lexicon.v1", "w", meta={"term": "w"})


def aggregated_exactly(threshold: float) -> float | None:
    """A finding score whose aggregate (noisy-or: 1 - (1 - s)) is exactly `threshold`, or None
    where floating point cannot land on it (0.45: `category_verdict` is tested on it above)."""
    score = below(threshold)
    for _ in range(8):  # a few floats either side: one of them survives the round trip
        if 1.0 - (1.0 - score) == threshold:
            return score
        score = math.nextafter(score, 1.0)
    return None


@pytest.mark.parametrize("category", RAISING, ids=lambda c: c.id)
def test_the_whole_mapping_on_each_boundary(category):
    at_breach = "tinjau" if category.kind == "caution" else "langgar"
    for score, expected in (
        (category.review_threshold - 1e-9, "aman"),
        (aggregated_exactly(category.review_threshold), "tinjau"),
        (category.breach_threshold - 1e-9, "tinjau"),
        (aggregated_exactly(category.breach_threshold), at_breach),
    ):
        if score is None:
            continue
        verdict, categories, _clauses = MAPPER.map([finding(category.id, score)])
        assert verdict == expected, (category.id, score)
        assert [c.verdict for c in categories] == [expected]


@pytest.mark.parametrize("category", POSITIVE, ids=lambda c: c.id)
def test_a_positive_category_is_listed_from_exactly_its_review_threshold(category):
    on = aggregated_exactly(category.review_threshold)
    assert on is not None
    _v, _c, clauses = MAPPER.map([finding(category.id, on)])
    assert clauses and {c.verdict for c in clauses} == {"aman"}
    _v, _c, clauses = MAPPER.map([finding(category.id, category.review_threshold - 1e-9)])
    assert clauses == ()
