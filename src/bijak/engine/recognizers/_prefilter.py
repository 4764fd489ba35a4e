"""Cheap checks that let a pattern recognizer skip texts that cannot match.

Not a recognizer: shared helpers. Results are cached per text (a ``str`` caches its hash), so
the several digit-based recognizers pay for the scan once per text.
"""

from __future__ import annotations

import re._constants as _c
import re._parser as _sre  # the standard library's regex parser: a syntax tree, no matching
import warnings
from functools import lru_cache
from typing import Any

_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=1024)
def longest_digit_run_at_least(text: str, n: int) -> bool:
    """True when ``text`` holds ``n`` ASCII digits in a row."""
    return "0" * n in text.translate(_DIGITS_TO_ZERO)


@lru_cache(maxsize=1024)
def digit_count(text: str) -> int:
    """How many ASCII digits ``text`` holds."""
    return sum(map(text.count, "0123456789"))


_DIGITS = frozenset(range(ord("0"), ord("9") + 1))


def requires_digit(regex: str) -> bool:
    """True when every match of ``regex`` (RE2 syntax) holds an ASCII digit, so a text
    without one cannot match: ``[0-9]{6}``, ``RT\\s*[0-9]{1,3}``, ``\\d+``; not
    ``(?:^|[^0-9])``, ``[0-9]*``, ``a|[0-9]``.

    Read from the standard library's parse of the pattern, conservatively: an unknown
    construct (or a pattern it cannot parse) counts as not requiring one, which only
    costs the skip. ``\\d`` is ``[0-9]`` in RE2."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. FutureWarning on RE2's "[[:digit:]]"
            tree = _sre.parse(regex)
    except Exception:  # RE2 syntax Python does not know: no prefilter
        return False
    return _seq_requires_digit(list(tree))


def _seq_requires_digit(items: list[Any]) -> bool:
    return any(_node_requires_digit(op, av) for op, av in items)


def _node_requires_digit(op: Any, av: Any) -> bool:
    c = _c
    if op is c.LITERAL:
        return av in _DIGITS
    if op is c.IN:
        return _class_is_digits(av)
    if op is c.SUBPATTERN:
        return _seq_requires_digit(list(av[-1]))
    if op is c.BRANCH:
        return all(_seq_requires_digit(list(alt)) for alt in av[1])
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT):
        low, _, item = av
        return low >= 1 and _seq_requires_digit(list(item))
    if op is c.ATOMIC_GROUP:
        return _seq_requires_digit(list(av))
    return False  # anchors, lookarounds, any character, back references ...


def _class_is_digits(items: list[Any]) -> bool:
    """A character class every member of which is an ASCII digit."""
    c = _c
    if not items:
        return False
    for op, av in items:
        if op is c.LITERAL:
            if av not in _DIGITS:
                return False
        elif op is c.RANGE:
            if not (av[0] in _DIGITS and av[1] in _DIGITS):
                return False
        elif not (op is c.CATEGORY and av is c.CATEGORY_DIGIT):
            return False  # a negated class, \\w, \\s ...
    return True
