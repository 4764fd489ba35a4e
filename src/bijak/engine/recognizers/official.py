"""``bijak.official.v1``: sharing the ministry's official content (category ``konten_resmi``,
a POSITIVE signal: it never raises a verdict; it points to clauses A.6, A.10, A.11).

Signals: links to kemkes.go.id (sehatnegeriku, ayosehat ...), the ministry's official account
handles, and its campaign hashtags.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.official.v1"
LINK = re2.compile(r"(?i)(?:https?://)?(?:[a-z0-9-]+\.)*kemkes\.go\.id(?:/[^\s)\]]*)?")
HANDLE = re2.compile(
    r"(?i)@(?:kemenkes_?ri|kemenkesri|kemkes_?ri|sehatnegeriku|ayosehat_?kemenkes)\b"
)
HASHTAG = re2.compile(
    r"(?i)#(?:germas(?:sehat)?|ayosehat|sehatnegeriku|kemenkesri|kemenkes|cegahstunting|"
    r"ayoimunisasi|imunisasilengkap|bulanimunisasianaknasional|transformasikesehatan|"
    r"gerakanmasyarakathidupsehat|cekkesehatangratis)\b"
)
SCORES = {"tautan_resmi": 0.9, "akun_resmi": 0.7, "tagar_resmi": 0.5}


class OfficialContentRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("konten_resmi",)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        text = doc.original
        out: list[Finding] = []
        low = text.lower()
        if "kemkes" in low:
            self._collect(LINK, text, "tautan_resmi", out)
        if "@" in text:
            self._collect(HANDLE, text, "akun_resmi", out)
        if "#" in text:
            self._collect(HASHTAG, text, "tagar_resmi", out)
        return out

    @staticmethod
    def _collect(pattern: re2._Regexp, text: str, kind: str, out: list[Finding]) -> None:
        for m in pattern.finditer(text):
            out.append(
                Finding(
                    category="konten_resmi",
                    start=m.start(),
                    end=m.end(),
                    score=SCORES[kind],
                    recognizer=NAME,
                    evidence=m.group(0),
                    meta={"kind": kind},
                )
            )


@recognizers.register(NAME)
def make_official_recognizer(context: BuildContext | None = None) -> OfficialContentRecognizer:
    return OfficialContentRecognizer()
