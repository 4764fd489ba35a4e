"""``bijak.chain_hoax.v1``: a health scare or miracle claim wrapped as a chain message (hoaks).

A hoax has two parts that ordinary health talk rarely has together: a *claim* — a subject (a
vaccine, a medicine, tap water, a food) and an outcome (makes you infertile, causes cancer,
kills) or a home remedy and a cure ("pasti sembuh", "bikin kebal") close together in one
sentence, or a service (a BPJS card, a free ambulance) and a sanction (a fine, a cut-off, a
new fee: a made-up rule) — and a *wrapper*: a call to spread
it ("sebarkan", "sebarkeun"), a "they are hiding it" frame ("ditutupi", "bisnis vaksin"), or
hearsay sold as inside knowledge ("teman saya kerja di RS", "cenah"). Only both together give
a ``hoaks`` finding over the claim, scored ``base_score`` plus ``per_kind`` for each further
kind of wrapper. Debunking, warnings and quotations are left to the context frames. The
words are language data (``lang/id/chain_hoax.yaml``), matched in one pass by the shared
phrase matcher.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from bijak.engine import sentences
from bijak.engine.context import negated_at
from bijak.engine.findings import Finding, new_finding
from bijak.engine.matcher import Entry, PhraseMatcher, build_matcher
from bijak.engine.recognizers.lexicon import NEGATION_FILLERS, NEGATIONS, normalized_words
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

# tokens between a refusal's use verb and the harm it is aimed at
_AIMED_REACH = 2
NAME = "bijak.chain_hoax.v1"
CATEGORY = "hoaks"


@dataclass(frozen=True, slots=True)
class ChainHoaxData:
    version: str
    window: int
    base_score: float
    per_kind: float
    max_score: float
    items: tuple[tuple[str, Entry], ...]
    reach: int
    use_verbs: frozenset[str] = frozenset()


def parse_chain_hoax(text: str, file: str = "<string>") -> ChainHoaxData:
    if "written by the bijak authors" not in text.lower():
        raise ValueError(f"{file}: header must say it was written by the bijak authors")
    data: dict[str, Any] = yaml.safe_load(text)
    items: list[tuple[str, Entry]] = []
    for key, role in (
        ("subjects", "subject"),
        ("remedies", "remedy"),
        ("harms", "harm"),
        ("services", "service"),
        ("sanctions", "sanction"),
    ):
        for phrase in data.get(key) or ():
            items.append((str(phrase), Entry(CATEGORY, role, 0.0, str(phrase))))
    for phrase in data.get("cures") or ():
        items.append((str(phrase), Entry(CATEGORY, "cure", 0.0, str(phrase))))
    wrappers = data.get("wrappers") or {}
    if not isinstance(wrappers, dict):
        raise ValueError(f"{file}: 'wrappers' must map a kind to phrases")
    for kind, phrases in wrappers.items():
        for phrase in phrases or ():
            items.append((str(phrase), Entry(CATEGORY, f"wrap:{kind}", 0.0, str(phrase))))
    for phrase in data.get("preventers") or ():
        items.append((str(phrase), Entry(CATEGORY, "preventer", 0.0, str(phrase))))
    for phrase in data.get("reversers") or ():
        items.append((str(phrase), Entry(CATEGORY, "reverser", 0.0, str(phrase))))
    base = float(data.get("base_score", 0.55))
    top = float(data.get("max_score", 0.85))
    if not 0.0 < base <= top <= 1.0:
        raise ValueError(f"{file}: need 0 < base_score <= max_score <= 1")
    return ChainHoaxData(
        version=str(data.get("version", "0")),
        window=int(data.get("window", 10)),
        base_score=base,
        per_kind=float(data.get("per_kind", 0.15)),
        max_score=top,
        items=tuple(items),
        reach=int(data.get("preventer_reach", 3)),
        use_verbs=frozenset(w for v in data.get("use_verbs") or () for w in normalized_words(v)),
    )


@cache
def chain_hoax_data(lang: str = "id") -> ChainHoaxData:
    path = resources.files("bijak.engine").joinpath("lang", lang, "chain_hoax.yaml")
    return parse_chain_hoax(path.read_text(encoding="utf-8"), f"lang/{lang}/chain_hoax.yaml")


class ChainHoaxRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = (CATEGORY,)

    def __init__(self, data: ChainHoaxData | None = None) -> None:
        self.data = data if data is not None else chain_hoax_data()
        self._matcher: PhraseMatcher = build_matcher(normalized_words, self.data.items)

        def firsts(*roles: str) -> frozenset[str]:
            out: set[str] = set()
            for phrase, entry in self.data.items:
                if entry.role in roles or entry.role.split(":")[0] in roles:
                    words = normalized_words(phrase)
                    if words:
                        out.add(words[0])
            return frozenset(out)

        # cheap checks before the matcher runs: a wrapper and an outcome must both be possible
        self._wrap_first = firsts("wrap")
        self._outcome_first = firsts("harm", "cure", "sanction")

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        words = doc.words
        if self._wrap_first.isdisjoint(words) or self._outcome_first.isdisjoint(words):
            return []
        hits = self._matcher.match(doc.tokens, doc.original)
        if len(hits) < 3:
            return []
        # a refusal to use the harmful thing itself ("jangan pernah pakai formalin untuk
        # ikan") is a safety warning, not a call to refuse care
        harms = [h.first for h in hits if h.entry.role == "harm"]
        use = self.data.use_verbs
        hits = [
            h
            for h in hits
            if h.entry.role != "wrap:refuse"
            or h.last + 1 >= len(words)
            or words[h.last + 1] not in use
            or not any(h.last + 1 < f <= h.last + 1 + _AIMED_REACH for f in harms)
        ]
        # session 15: a negated wrapper wraps nothing ("jangan disembunyikan kehamilannya" is
        # advice to tell the radiographer; "tidak ditutupi" is no cover-up); a refusal call
        # carries its own negation
        hits = [
            h
            for h in hits
            if not h.entry.role.startswith("wrap:")
            or h.entry.role == "wrap:refuse"
            or not negated_at(words, h.first, NEGATIONS, NEGATION_FILLERS)
        ]
        kinds = {h.entry.role for h in hits if h.entry.role.startswith("wrap:")}
        if not kinds:
            return []
        tokens = doc.tokens
        subjects = [h for h in hits if h.entry.role in ("subject", "remedy", "service")]
        outcomes = [
            h
            for h in hits
            if h.entry.role in ("harm", "cure", "sanction")
            and (h.first == 0 or tokens[h.first - 1].text not in NEGATIONS)
        ]
        if not subjects or not outcomes:
            return []
        text = doc.original
        d = self.data
        stops = [(h.first, h.last) for h in hits if h.entry.role == "preventer"]
        # adherence advice anywhere before the outcome in its sentence ("obat jangan
        # dihentikan ..., ginjal bisa rusak"): the harm is the risk of stopping care
        reversers = [h for h in hits if h.entry.role == "reverser"]
        best = None
        for o in outcomes:
            for s in subjects:
                if s.first <= o.last and o.first <= s.last:
                    continue  # the same words
                if o.entry.role == "cure" and s.entry.role != "remedy":
                    continue  # "sembuh total" after surgery at a hospital: a recovery
                if s.entry.role == "service" and o.entry.role != "sanction":
                    continue  # "pasien BPJS ... sesak napas": a patient's story, not a rule
                gap = o.first - s.last if o.first > s.last else s.first - o.last
                if gap > d.window:
                    continue
                a, b = (s, o) if s.ostart < o.ostart else (o, s)
                if sentences.ends_between(text, a.oend, b.ostart):
                    continue
                if any(
                    min(a.last, o.first - d.reach) <= p < o.first
                    and not s.first <= f <= p <= s.last  # "pasien BPJS": part of the subject
                    for f, p in stops
                ):
                    continue  # "vaksin HPV mencegah kanker": protection, not harm
                if any(
                    r.last < o.first and not sentences.ends_between(text, r.oend, o.ostart)
                    for r in reversers
                ):
                    continue
                if best is None or gap < best[0]:
                    best = (gap, a, b, s, o)
        if best is None:
            return []
        _, a, b, s, o = best
        score = min(d.max_score, d.base_score + d.per_kind * (len(kinds) - 1))
        wraps = sorted({h.entry.phrase for h in hits if h.entry.role.startswith("wrap:")})
        return [
            new_finding(
                CATEGORY,
                a.ostart,
                b.oend,
                score,
                NAME,
                text[a.ostart : b.oend],
                {
                    "kind": "pair",
                    "term": f"{s.entry.phrase} + {o.entry.phrase}",
                    "cue": ", ".join(wraps[:3]),
                    "target_text": text[s.ostart : s.oend],
                    "cue_text": text[o.ostart : o.oend],
                },
            )
        ]


@recognizers.register(NAME)
def make_chain_hoax_recognizer(context: BuildContext | None = None) -> ChainHoaxRecognizer:
    return ChainHoaxRecognizer()
