"""``bijak.patient_data.v1``: a named or addressed person together with a health detail.

A name after an honorific ("Ibu Siti Aminah", "Tn. Budi", "Sdr. Rudi", "Siti (34)") or an
address (an RT/RW, a street with a house number) within ``sentence_window`` characters of a
diagnosis or test result ("positif HIV", "TB paru", "skizofrenia", "hamil" — language data in
``lang/id/health_details.yaml``) is patient data under UU 17/2023: reported with
``health_score`` (a breach, clause A.2), the name and the address masked. An address next to
a name without a health detail is reported lower (``address_with_name_score``); an address
alone lower still; a name alone is not reported. Patterns and scores are data
(``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from bijak.engine.findings import Finding, new_finding
from bijak.engine.recognizers.pattern import (
    PatternRecognizer,
    load_pattern_spec,
    masked,
)
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.patient_data.v1"


@cache
def health_details(lang: str = "id") -> tuple[frozenset[tuple[str, ...]], str]:
    """The health-detail phrases (normalised words) and the data's version."""
    from bijak.engine.normalize import normalize

    path = resources.files("bijak.engine").joinpath("lang", lang, "health_details.yaml")
    text = path.read_text(encoding="utf-8")
    if "written by the bijak authors" not in text.lower():
        raise ValueError("health_details.yaml: header must say it was written by the bijak authors")
    data: dict[str, Any] = yaml.safe_load(text)
    phrases = frozenset(
        tuple(t.text for t in normalize(str(p)).tokens) for p in data.get("details") or ()
    )
    return frozenset(p for p in phrases if p), str(data.get("version", "0"))


class PatientDataRecognizer(PatternRecognizer):
    def __init__(self, **params: Any) -> None:
        super().__init__(load_pattern_spec(NAME), **params)
        phrases, _ = health_details()
        self._details = phrases
        self._first = frozenset(p[0] for p in phrases)
        self._window = int(self.params.get("sentence_window", 160))

    def _detail_spans(self, doc: NormalizedText) -> list[tuple[int, int, str]]:
        tokens = doc.tokens
        words = doc.words
        out: list[tuple[int, int, str]] = []
        for i, w in enumerate(words):
            if w not in self._first:
                continue
            for n in (3, 2, 1):
                phrase = tuple(words[i : i + n])
                if len(phrase) == n and phrase in self._details:
                    out.append((tokens[i].ostart, tokens[i + n - 1].oend, " ".join(phrase)))
                    break
        return out

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        found = self.matches(doc, keep_zero=True)
        if not found:
            return []
        details = self._detail_spans(doc)
        names = [(s, e) for pat, s, e, kind, _ in found if kind == "nama"]
        win = self._window
        p = self.params

        def near(s: int, e: int, spans: list[tuple[int, int]] | list[tuple[int, int, str]]) -> Any:
            return next((x for x in spans if x[0] - win <= e and s <= x[1] + win), None)

        text = doc.original
        out: list[Finding] = []
        for pat, s, e, kind, score in found:
            detail = near(s, e, details)
            meta = {"kind": kind}
            if detail is not None:
                score = float(p.get("health_score", 0.9))
                kind = "pasien_kesehatan" if kind == "nama" else "alamat_pasien"
                meta = {"kind": kind, "detail": detail[2]}
            elif kind == "nama":
                continue  # a name alone is not reported
            elif near(s, e, names) is not None:
                score = float(p.get("address_with_name_score", 0.6))
                meta = {"kind": "alamat_bernama"}
            if score <= 0.0:
                continue
            out.append(
                new_finding(
                    self.spec.category, s, e, score, self.name, masked(pat, text[s:e]), meta
                )
            )
        return out


@recognizers.register(NAME)
def make_patient_data_recognizer(
    context: BuildContext | None = None, **params: Any
) -> PatientDataRecognizer:
    return PatientDataRecognizer(**params)
