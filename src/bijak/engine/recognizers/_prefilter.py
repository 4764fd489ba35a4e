"""Cheap checks that let a pattern recognizer skip texts that cannot match.

Not a recognizer: shared helpers. Results are cached per text (a ``str`` caches its hash), so
the several digit-based recognizers pay for the scan once per text.
"""

from __future__ import annotations

from functools import lru_cache

_DIGITS_TO_ZERO = str.maketrans("123456789", "000000000")


@lru_cache(maxsize=1024)
def longest_digit_run_at_least(text: str, n: int) -> bool:
    """True when ``text`` holds ``n`` ASCII digits in a row."""
    return "0" * n in text.translate(_DIGITS_TO_ZERO)


@lru_cache(maxsize=1024)
def digit_count(text: str) -> int:
    """How many ASCII digits ``text`` holds."""
    return sum(text.count(d) for d in "0123456789")
