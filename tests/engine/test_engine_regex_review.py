"""The normaliser and the trained model's text cleaning keep Python's backtracking `re`; this
test holds them to an exact, reviewed list (issue 8, defect 11: the "all patterns are re2" test
left these modules out, so a new catastrophic pattern there would have gone unnoticed).

Why not re2 here: RE2 has no look-around, no back-references and no possessive quantifiers,
which the tokenizer (`_TOKEN_RE`), the stretch/reduplication rules and `_REPEAT` need; and RE2's
`\\w` and `\\d` are ASCII-only, so `[^\\W_]`, `@\\w+` and `[\\W_]+` would change what counts as
a letter for Indonesian text with accents and so change the trained model's features. The
list is exact, so a new pattern in these modules fails here until someone has looked at it;
the tokenizer's runs are possessive (`*+`, `{2,}+`) and its back-references repeat one
captured character. Hostile inputs aimed at each pattern's repetitions go through both paths
(how long they take is measured by `bijak benchmark`, not asserted in a unit test).
"""

from __future__ import annotations

import importlib
import re

import pytest

REVIEWED: dict[str, set[str]] = {
    "bijak.engine.normalize._core": {
        "DELETED_RE",
        "_TOKEN_RE",
        "_ASCII_CONTROL_RE",
        "_UNIT_RE",
        "_CAMEL_RE",
        "_INNER_LEET_RE",
        "_HEX_RE",
        "_INNER_NUMBER_RE",
        "_TRAILING_DIGITS_RE",
        "_REDUP_RE",
        "_STRETCH_RE",
        "_FINAL_DOUBLE_RE",
        "_VOWEL_RE",
        "_LAUGH_RE",
        "_HAS_DIGIT_OR_SYMBOL_RE",
        "_SPLIT_RE",
    },
    "bijak.engine.normalize._chars": {"DELETED_RE"},
    "bijak.engine.normalize._tables": set(),
    "bijak.engine.normalize": set(),
    "bijak.engine.models.linear": {"_URL", "_MENTION", "_ESC_NL", "_NONWORD", "_REPEAT"},
}


@pytest.mark.parametrize("module_name", sorted(REVIEWED))
def test_backtracking_patterns_are_exactly_the_reviewed_ones(module_name):
    module = importlib.import_module(module_name)
    found = {name for name, value in vars(module).items() if isinstance(value, re.Pattern)}
    assert found == REVIEWED[module_name]


HOSTILE = [
    "a" * 100_000 + "!",
    "wk" * 50_000 + "x",
    "x" * 100_000 + "2",
    "0" * 200_000 + "a",
    "@" * 100_000 + "a",
    "http://" + "a" * 100_000,
    "\u0300" * 100_000 + "a",
    "aB" * 50_000,
    "a-" * 50_000 + ".com",
    "a." * 50_000 + "@b.co",
    "s-a-l-a-h " * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=[f"hostile-{i}" for i in range(len(HOSTILE))])
def test_hostile_inputs_go_through_the_normaliser_and_the_model_cleaning(text):
    from bijak.engine.models import linear
    from bijak.engine.normalize import normalize

    document = normalize(text)
    assert document.original == text
    cleaned = linear.prep(text)
    assert len(cleaned) <= len(text) + 8 and "   " not in cleaned
