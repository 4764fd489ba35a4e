"""``bijak.phone.v1``: Indonesian mobile numbers (+62 / 62 / 08..., 10-13 digits in 08 form).

Numbers in the policy's own reporting channels (e.g. the complaint WhatsApp line) are public
contact points, not personal data; pass them as ``allow`` to skip them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.masking import personal_data_finding
from bijak.engine.recognizers._prefilter import digit_count, longest_digit_run_at_least
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.phone.v1"
SCORE = 0.6

PATTERN = re2.compile(r"(?:^|[^0-9+])((?:\+62|62|0)[ .-]?8[0-9]{1,3}(?:[ .-]?[0-9]{2,5}){1,3})")


def national_digits(raw: str) -> str:
    """The number as ``08...`` digits."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if digits.startswith("62"):
        digits = "0" + digits[2:]
    return digits


class PhoneRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("data_pribadi",)

    def __init__(self, allow: Iterable[str] = ()) -> None:
        self.allow = frozenset(national_digits(a) for a in allow)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if len(text) < 10 or digit_count(text) < 10 or not longest_digit_run_at_least(text, 3):
            return []
        out: list[Finding] = []
        for m in PATTERN.finditer(text):
            start, end = m.start(1), m.end(1)
            if end < len(text) and text[end].isdigit():
                continue
            raw = text[start:end]
            digits = national_digits(raw)
            if not 10 <= len(digits) <= 13 or digits in self.allow:
                continue
            out.append(
                personal_data_finding(
                    recognizer=NAME,
                    kind="telepon",
                    text=text,
                    start=start,
                    end=end,
                    score=SCORE,
                    keep_start=4,
                    keep_end=3,
                )
            )
        return out


@recognizers.register(NAME)
def make_phone_recognizer() -> PhoneRecognizer:
    return PhoneRecognizer()
