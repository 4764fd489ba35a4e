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

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import re2
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
_SENTENCE = re2.compile(r"[^.!?\n]+")
_PATIENT = re2.compile(r"(?i)\b(?:pasien|pasiennya|penderita|odgj|odha)\b")


@dataclass(frozen=True, slots=True)
class FieldData:
    """Language data for descriptions of shared personal data (``health_details.yaml``)."""

    fields: dict[tuple[str, ...], str]  # phrase (normalised words) -> field
    health_fields: frozenset[str]
    weak_fields: frozenset[str]
    share: frozenset[tuple[str, ...]]
    protect: frozenset[tuple[str, ...]]
    patient: frozenset[tuple[str, ...]]


def _phrases(values: Any) -> frozenset[tuple[str, ...]]:
    from bijak.engine.normalize import normalize

    out = (tuple(t.text for t in normalize(str(v)).tokens) for v in values or ())
    return frozenset(p for p in out if p)


def _load(lang: str) -> dict[str, Any]:
    path = resources.files("bijak.engine").joinpath("lang", lang, "health_details.yaml")
    text = path.read_text(encoding="utf-8")
    if "written by the bijak authors" not in text.lower():
        raise ValueError("health_details.yaml: header must say it was written by the bijak authors")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@cache
def health_details(lang: str = "id") -> tuple[frozenset[tuple[str, ...]], str]:
    """The health-detail phrases (normalised words) and the data's version."""
    data = _load(lang)
    return _phrases(data.get("details")), str(data.get("version", "0"))


@cache
def field_data(lang: str = "id") -> FieldData:
    """The personal-data fields and the cues around them (``health_details.yaml``)."""
    data = _load(lang)
    fields = {
        phrase: str(field)
        for field, values in (data.get("fields") or {}).items()
        for phrase in _phrases(values)
    }
    return FieldData(
        fields=fields,
        health_fields=frozenset(str(f) for f in data.get("health_fields") or ()),
        weak_fields=frozenset(str(f) for f in data.get("weak_fields") or ()),
        share=_phrases(data.get("share_cues")),
        protect=_phrases(data.get("protect_cues")),
        patient=_phrases(data.get("patient_words")),
    )


def _has(words: list[str], phrases: frozenset[tuple[str, ...]]) -> bool:
    n = len(words)
    return any(
        tuple(words[i : i + k]) in phrases for i in range(n) for k in (1, 2, 3) if i + k <= n
    )


class PatientDataRecognizer(PatternRecognizer):
    def __init__(self, **params: Any) -> None:
        super().__init__(load_pattern_spec(NAME), **params)
        phrases, _ = health_details()
        self._details = phrases
        self._first = frozenset(p[0] for p in phrases)
        self._window = int(self.params.get("sentence_window", 160))
        self._fields = field_data()
        self._field_first = frozenset(p[0] for p in self._fields.fields)

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

    def _field_lists(self, doc: NormalizedText) -> list[Finding]:
        """Sentences that describe sharing two or more kinds of someone's personal data."""
        fd = self._fields
        tokens = doc.tokens
        if sum(t.text in self._field_first for t in tokens) < 2:
            return []
        out: list[Finding] = []
        text = doc.original
        for m in _SENTENCE.finditer(text):
            toks = [t for t in tokens if m.start() <= t.ostart and t.oend <= m.end()]
            words = [t.text for t in toks]
            kinds: dict[str, tuple[int, int]] = {}
            for i, w in enumerate(words):
                if w not in self._field_first:
                    continue
                for k in (3, 2, 1):
                    field = fd.fields.get(tuple(words[i : i + k]))
                    if field is not None and i + k <= len(words):
                        kinds.setdefault(field, (toks[i].ostart, toks[i + k - 1].oend))
                        break
            strong = bool(kinds.keys() - fd.weak_fields)
            about_care = _has(words, fd.patient) or any(
                tuple(words[i : i + k]) in self._details
                for i in range(len(words))
                for k in (1, 2, 3)
                if words[i] in self._first
            )
            if len(kinds) < 2 or not (strong or (len(kinds) >= 3 and about_care)):
                continue
            if not _has(words, fd.share) or _has(words, fd.protect):
                continue
            health = bool(fd.health_fields & kinds.keys()) and _has(words, fd.patient)
            key = "patient_field_list_score" if health else "field_list_score"
            score = float(self.params.get(key, 0.85 if health else 0.7))
            s, e = min(v[0] for v in kinds.values()), max(v[1] for v in kinds.values())
            meta = {
                "kind": "daftar_data_pasien" if health else "daftar_data",
                "fields": str(len(kinds)),
            }
            out.append(new_finding(self.spec.category, s, e, score, self.name, text[s:e], meta))
        return out

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        found = self.matches(doc, keep_zero=True)
        listed = self._field_lists(doc)
        if not found:
            return listed
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
            elif kind == "alamat_tinggal":
                if not _PATIENT.search(text, max(0, s - win), e + win):
                    continue  # a home address with no patient or health detail near
                score = float(p.get("patient_address_score", 0.7))
                meta = {"kind": "alamat_pasien"}
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
        return out + listed


@recognizers.register(NAME)
def make_patient_data_recognizer(
    context: BuildContext | None = None, **params: Any
) -> PatientDataRecognizer:
    return PatientDataRecognizer(**params)
