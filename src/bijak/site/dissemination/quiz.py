"""Drawing and scoring quiz attempts (pure functions over question values).

A draw is stratified by clause: prohibitions (B.*) first, then considerations (C.*), then the
rest, one question per clause per round, in random order within each round, so that a draw as
large as the number of clauses covers every clause the bank has.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bijak.site.dissemination.models import Question


@dataclass(frozen=True)
class Score:
    correct: int
    total: int
    percent: int
    passed: bool
    missed_clauses: tuple[str, ...]


def _clause_rank(clause_id: str) -> tuple[int, str]:
    prefix = clause_id.split(".", 1)[0]
    return ({"B": 0, "C": 1}.get(prefix, 2), clause_id)


def draw(
    questions: Sequence[Question], count: int, *, rng: random.Random | None = None
) -> list[str]:
    """`count` question keys, stratified by clause. Raises ValueError when the bank is smaller."""
    if count > len(questions):
        raise ValueError("bank too small")
    rng = rng or random.SystemRandom()
    by_clause: dict[str, list[str]] = {}
    for q in questions:
        by_clause.setdefault(q.clause_id, []).append(q.key)
    for keys in by_clause.values():
        rng.shuffle(keys)
    clauses = sorted(by_clause, key=_clause_rank)
    picked: list[str] = []
    while len(picked) < count:
        for group in (
            [c for c in clauses if c.startswith("B.")],
            [c for c in clauses if c.startswith("C.")],
            [c for c in clauses if not c.startswith(("B.", "C."))],
        ):
            round_ = [c for c in group if by_clause[c]]
            rng.shuffle(round_)
            for clause in round_:
                if len(picked) >= count:
                    break
                picked.append(by_clause[clause].pop())
    rng.shuffle(picked)
    return picked


def score(
    questions: Mapping[str, Question],
    keys: Sequence[str],
    answers: Mapping[str, int],
    pass_mark: int,
) -> Score:
    """Score answers ({key: choice index}); an unanswered question counts as wrong."""
    correct = 0
    missed: list[str] = []
    for key in keys:
        question = questions[key]
        if answers.get(key) == question.correct:
            correct += 1
        elif question.clause_id not in missed:
            missed.append(question.clause_id)
    total = len(keys)
    percent = round(100 * correct / total) if total else 100
    return Score(
        correct=correct,
        total=total,
        percent=percent,
        passed=percent >= pass_mark,
        missed_clauses=tuple(sorted(missed, key=_clause_rank)),
    )
