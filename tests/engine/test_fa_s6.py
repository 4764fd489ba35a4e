"""Session 6 false alarms of the word rules, each class checked both ways: an ordinary post of
the class stays ``aman`` for its category, and a real breach wearing the same words is still
raised. The posts (written by the bijak authors; no dataset text) are in
``fa_cases_s6_fa*.py`` and ``test_fa_s6_fa8.py``, one module per rule helper's categories.
"""

from __future__ import annotations

import fa_cases_s6_fa1
import fa_cases_s6_fa2
import fa_cases_s6_fa3
import fa_cases_s6_fa5
import fa_cases_s6_fa6
import fa_cases_s6_fa7
import pytest
import test_fa_s6_fa8
from fa_checks import assert_raised, assert_safe

from bijak.engine import Pipeline

# modules whose ordinary posts must also be quiet for the word rules (not only the model)
_QUIET = {fa_cases_s6_fa2, fa_cases_s6_fa6}
_MODULES = (
    fa_cases_s6_fa1,
    fa_cases_s6_fa2,
    fa_cases_s6_fa3,
    fa_cases_s6_fa5,
    fa_cases_s6_fa6,
    fa_cases_s6_fa7,
    test_fa_s6_fa8,
)
SAFE = [(*case, m in _QUIET) for m in _MODULES for case in m.SAFE]
BREACH = [case for m in _MODULES for case in m.BREACH]


@pytest.mark.parametrize(("kind", "category", "text", "quiet"), SAFE)
def test_ordinary_post_of_the_class_stays_safe(
    full: Pipeline, kind: str, category: str, text: str, quiet: bool
) -> None:
    assert_safe(full, kind, category, text, words_quiet=quiet)


@pytest.mark.parametrize(("kind", "category", "text"), BREACH)
def test_real_breach_of_the_class_is_still_caught(
    full: Pipeline, kind: str, category: str, text: str
) -> None:
    assert_raised(full, kind, category, text)
