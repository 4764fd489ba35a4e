"""``bijak.bpjs_card.v1``: BPJS Kesehatan / KIS card numbers: 13 digits starting ``000``.

With a context word ("bpjs", "kis", "kartu", "jkn", "peserta", "no. kartu") in the 30
characters before the number the score is high; a bare 13-digit ``000...`` number is reported
with a lower score (it is very likely a card number, but could be anything).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.masking import personal_data_finding
from bijak.engine.recognizers._prefilter import digit_count
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.bpjs_card.v1"
CONTEXT_SCORE = 0.85
BARE_SCORE = 0.45
PATTERN = re2.compile(r"(?:^|[^0-9])(000[0-9]{10}|000[0-9][ .-]?[0-9]{4}[ .-]?[0-9]{5})")
CONTEXT_WORDS = ("bpjs", "kis", "kartu", "jkn", "peserta", "askes")


class BpjsCardRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("data_pribadi",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if len(text) < 13 or "000" not in text or digit_count(text) < 13:
            return []
        out: list[Finding] = []
        for m in PATTERN.finditer(text):
            start, end = m.start(1), m.end(1)
            if end < len(text) and text[end].isdigit():
                continue
            before = text[max(0, start - 30) : start].lower()
            context = any(w in before for w in CONTEXT_WORDS)
            out.append(
                personal_data_finding(
                    recognizer=NAME,
                    kind="kartu_bpjs",
                    text=text,
                    start=start,
                    end=end,
                    score=CONTEXT_SCORE if context else BARE_SCORE,
                    keep_start=3,
                    keep_end=3,
                )
            )
        return out


@recognizers.register(NAME)
def make_bpjs_card_recognizer() -> BpjsCardRecognizer:
    return BpjsCardRecognizer()
