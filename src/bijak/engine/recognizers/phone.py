"""``bijak.phone.v1``: Indonesian mobile numbers (+62 / 62 / 08..., 10-13 digits in 08 form).

The pattern is data (``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``; this
module holds the validation hook. Numbers in the policy's own reporting channels (e.g. the
complaint WhatsApp line) are public contact points, not personal data: the pipeline passes
them from the policy as ``allow`` (``from_policy`` in the data), and they are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from bijak.engine.recognizers.pattern import pattern_factory, placeholder_digits, validator
from bijak.engine.registry import recognizers

NAME = "bijak.phone.v1"
SCORE = 0.6


def national_digits(raw: str) -> str:
    """The number as ``08...`` digits."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


_ALLOW_CACHE: dict[tuple[str, ...], frozenset[str]] = {}


def _allowed(allow: Iterable[str]) -> frozenset[str]:
    key = tuple(allow)
    found = _ALLOW_CACHE.get(key)
    if found is None:
        found = frozenset(national_digits(a) for a in key)
        _ALLOW_CACHE[key] = found
    return found


@validator("phone")
def check_phone(value: str, params: Mapping[str, Any]) -> bool:
    digits = national_digits(value)
    return (
        10 <= len(digits) <= 13
        and digits not in _allowed(params.get("allow") or ())
        and not placeholder_digits(digits)  # "HP 0800-0000-0000" in test data: no one's
    )


make_phone_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
