"""``bijak.email.v1``: e-mail addresses. Government addresses (``*.go.id``) are institutional
contact points, not personal data, and are not reported."""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.masking import mask_email
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.email.v1"
SCORE = 0.55
PATTERN = re2.compile(
    r"[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}\.)+[A-Za-z]{2,24}"
)
INSTITUTIONAL = (".go.id", ".ac.id", ".mil.id")


class EmailRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("data_pribadi",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        if "@" not in text:
            return []
        out: list[Finding] = []
        for m in PATTERN.finditer(text):
            raw = m.group(0)
            if raw.lower().endswith(INSTITUTIONAL):
                continue
            out.append(
                Finding(
                    category="data_pribadi",
                    start=m.start(),
                    end=m.end(),
                    score=SCORE,
                    recognizer=NAME,
                    evidence=mask_email(raw),
                    meta={"kind": "email"},
                )
            )
        return out


@recognizers.register(NAME)
def make_email_recognizer() -> EmailRecognizer:
    return EmailRecognizer()
