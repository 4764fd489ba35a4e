"""Checks shared by the session-6 false-alarm tests (``test_fa_s6_*.py``): an ordinary post of
a class stays ``aman`` for its category, and a breach wearing the same words is still raised.

Written by the bijak authors; the posts themselves are in each test file.
"""

from __future__ import annotations

from typing import Any

from bijak.engine import Pipeline
from bijak.engine.report import Report


def verdict(report: Report, category: str) -> str:
    return next((c.verdict for c in report.categories if c.id == category), "aman")


def why(report: Report) -> list[tuple[Any, ...]]:
    return [
        (f.category, f.score, f.recognizer, f.evidence, f.meta.get("context"))
        for f in report.findings
    ]


def assert_safe(
    pipe: Pipeline, label: str, category: str, text: str, *, words_quiet: bool = False
) -> None:
    """``text`` is ``aman`` for ``category``; with ``words_quiet``, no word rule of the category
    scores 0.5 or more either (the rules themselves are quiet, not only the model)."""
    report = pipe.analyze(text)
    assert verdict(report, category) == "aman", (label, why(report))
    if words_quiet:
        assert not any(
            f.category == category and f.recognizer.startswith("bijak.lexicon") and f.score >= 0.5
            for f in report.findings
        ), label


def assert_raised(pipe: Pipeline, label: str, category: str, text: str) -> None:
    report = pipe.analyze(text)
    assert verdict(report, category) != "aman", (label, why(report))
