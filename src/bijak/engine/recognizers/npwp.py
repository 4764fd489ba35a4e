"""``bijak.npwp.v1``: NPWP (tax number), the usual ``99.999.999.9-999.999`` format, or 15 digits
right after the word "NPWP". (The 16-digit NPWP is the NIK, found by ``bijak.nik.v1``.)"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.masking import personal_data_finding
from bijak.engine.recognizers._prefilter import digit_count
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.npwp.v1"
FORMATTED_SCORE = 0.85
CONTEXT_SCORE = 0.8
FORMATTED = re2.compile(r"(?:^|[^0-9])([0-9]{2}\.[0-9]{3}\.[0-9]{3}\.[0-9]-[0-9]{3}\.[0-9]{3})")
BARE = re2.compile(r"(?i)npwp\s*(?:no\.?|nomor)?\s*[:.]?\s*([0-9]{15})")


class NpwpRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("data_pribadi",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if len(text) < 15:
            return []
        out: list[Finding] = []
        if "-" in text and digit_count(text) >= 15:
            for m in FORMATTED.finditer(text):
                start, end = m.start(1), m.end(1)
                if end < len(text) and text[end].isdigit():
                    continue
                out.append(self._finding(text, start, end, FORMATTED_SCORE))
        if "npwp" in doc.text or "npwp" in text.lower():
            for m in BARE.finditer(text):
                start, end = m.start(1), m.end(1)
                if end < len(text) and text[end].isdigit():
                    continue
                out.append(self._finding(text, start, end, CONTEXT_SCORE))
        return out

    @staticmethod
    def _finding(text: str, start: int, end: int, score: float) -> Finding:
        return personal_data_finding(
            recognizer=NAME,
            kind="npwp",
            text=text,
            start=start,
            end=end,
            score=score,
            keep_start=2,
            keep_end=3,
        )


@recognizers.register(NAME)
def make_npwp_recognizer() -> NpwpRecognizer:
    return NpwpRecognizer()
