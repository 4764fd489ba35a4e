"""``bijak.nota_dinas.v1``: official-letter numbers of internal documents (category rahasia).

A nota dinas number such as ``ND.01.02/III/123/2024`` in a public post suggests an internal
document is being shared. Public circular numbers (``HK.02.02/III/2438/2018``) are not
flagged: only numbers introduced by "ND" / "nota dinas".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.nota_dinas.v1"
SCORE = 0.6
PATTERN = re2.compile(
    r"(?i)(?:\bND|nota\s+dinas(?:\s+(?:nomor|no\.?))?\s*:?)\s*[.:]?\s*"
    r"((?:[A-Z]{1,4}\.)?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}/[IVXL]{1,4}/[0-9]{1,6}/[0-9]{4})"
)


class NotaDinasRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("rahasia",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if "/" not in text:
            return []
        out: list[Finding] = []
        for m in PATTERN.finditer(text):
            start, end = m.start(), m.end()
            out.append(
                Finding(
                    category="rahasia",
                    start=start,
                    end=end,
                    score=SCORE,
                    recognizer=NAME,
                    evidence=text[start:end],
                    meta={"kind": "nota_dinas", "number": m.group(1)},
                )
            )
        return out


@recognizers.register(NAME)
def make_nota_dinas_recognizer() -> NotaDinasRecognizer:
    return NotaDinasRecognizer()
