"""Fixtures for dissemination tests (imported by each test module: a conftest.py here would be
imported as the module `conftest` and shadow tests/site/conftest.py for `from conftest import`): the shipped policy loaded as the
active version, the starter quiz bank, and `campaign_over(...)` to start a campaign as a given persona."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest


@pytest.fixture
def policy_version(db: Any) -> Any:
    from bijak.site.policies.services import policy_version_load

    return policy_version_load(actor=None)


@pytest.fixture
def quiz_bank(db: Any) -> int:
    from bijak.site.dissemination.services import question_bank_load

    created, _updated = question_bank_load(actor=None)
    return created


@pytest.fixture
def today() -> dt.date:
    from django.utils import timezone

    return timezone.localdate()


@pytest.fixture
def campaign_over(policy_version: Any, quiz_bank: int, today: dt.date) -> Callable[..., Any]:
    from bijak.site.dissemination.services import campaign_start

    def start(*units: Any, actor: Any = None, **kw: Any) -> Any:
        values: dict[str, Any] = {
            "title": "Sosialisasi tata tertib 2026",
            "start_date": today,
            "due_date": today + dt.timedelta(days=30),
            "question_count": 10,
            "pass_mark": 80,
        }
        values.update(kw)
        return campaign_start(actor=actor, units=list(units), **values)

    return start


def _answer_all(attempt: Any, *, right: bool) -> dict[str, int]:
    from bijak.site.dissemination.models import Question

    bank = {q.key: q for q in Question.objects.filter(key__in=attempt.question_keys)}
    return {
        k: bank[k].correct if right else (bank[k].correct + 1) % len(bank[k].choices)
        for k in attempt.question_keys
    }


@pytest.fixture
def answer_all() -> Callable[..., dict[str, int]]:
    """`answer_all(attempt, right=True|False)`: answers to an attempt, all right or all wrong."""
    return _answer_all
