"""``bijak.accusation.v1``: an unproven accusation against a named person or body (fitnah).

A target — a person named with an honorific ("Bu Sri Handayani", "dr. Ketut") or a two-word
proper name ("Ayu Lestari"), an institution ("RSUD Kota Tanjung Sari", "Puskesmas X"), or a
role ("kepala dinasnya") — and an accusation ("nyogok", "memalsukan data", "jual organ",
"simpanan bos") in the same sentence or the next give one finding scored
``noisy_or(target, accusation, boosters)``; certainty and spreading words ("pasti", "semua
orang sudah tahu", "sebarkan") raise it. Reporting a court case, a rebuttal or thanks is left
to the context frames. Words are language data (``lang/id/accusations.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import re2
import yaml

from bijak.engine import sentences
from bijak.engine.findings import Finding, new_finding, noisy_or
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.accusation.v1"
CATEGORY = "fitnah"
Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccusationData:
    version: str
    target_score: float
    accusations: dict[Phrase, float]
    boosters: dict[Phrase, float]
    roles: frozenset[Phrase]
    named: Any  # compiled re2 pattern of a named person or institution
    pairs: tuple[tuple[str, frozenset[Phrase], frozenset[Phrase], int, float], ...] = ()
    """Co-occurrence rules: (name, objects, deeds, reach, weight): an object of misconduct
    ("dana", "ijazah", "data pasien") and a deed done to it ("dipotong", "beli", "dijual")
    within ``reach`` words, in either order, make one accusation ("ijazah S2-nya beli")."""
    not_names: frozenset[str] = frozenset()
    """Words that are no one's name after an honorific ("Bu Bidan", "Pak Dokter")."""
    prohibition_reach: int = 1
    """How many words before an act a word of ``prohibitions`` denies it (a negation of the
    context frames denies only right before: "tidak korupsi", "bukan pelakunya")."""
    prohibitions: frozenset[str] = frozenset()
    """Words that deny an act from ``prohibition_reach`` words away ("dilarang pasang
    stiker", "aja komen 'siap menangkan'"); "belum pasang" is no prohibition."""
    not_prohibiting_after: frozenset[str] = frozenset()
    """A prohibition followed by one of these is a reminder, not a denial ("jangan lupa")."""
    names_capitalised: bool = False
    """In a post with capital letters, a name after an honorific is capitalised ("Bu bidan"
    is a role); a post in lower case only takes any word that is not in ``not_names``."""


def _words(phrase: str) -> Phrase:
    from bijak.engine.normalize import normalize

    return tuple(t.text for t in normalize(str(phrase)).tokens)


@cache
def accusation_data(lang: str = "id", file: str = "accusations.yaml") -> AccusationData:
    """A target-and-act rule's language data: ``accusations.yaml`` (fitnah) or another file of
    the same shape (``endorsements.yaml``: a candidate and a call to vote for them). A file may
    say ``acts`` for ``accusations``, and ``bare_names: false`` to take a person only after
    an honorific (not any two capitalised words)."""
    path = resources.files("bijak.engine").joinpath("lang", lang, file)
    text = path.read_text(encoding="utf-8")
    if "written by the bijak authors" not in text.lower():
        raise ValueError(f"{file}: header must say it was written by the bijak authors")
    data: dict[str, Any] = yaml.safe_load(text)
    if "acts" in data:
        data["accusations"] = data["acts"]

    def weights(key: str) -> dict[Phrase, float]:
        return {w: float(v) for p, v in (data.get(key) or {}).items() if (w := _words(str(p)))}

    cap = r"[A-Z][a-z']+"
    honor = "|".join(re2.escape(str(h)) for h in data.get("honorifics") or ())
    inst = "|".join(re2.escape(str(h)) for h in data.get("institutions") or ())
    parts = [rf"(?i:{honor})\.?\s+[A-Za-z'][A-Za-z'0-9]*(?:\s+[A-Z][A-Za-z']+){{0,2}}"]
    if inst:
        parts.append(rf"(?i:{inst})[A-Z]?(?:\s+(?:[A-Za-z][A-Za-z0-9]+|[0-9]+)){{1,4}}")
    if data.get("bare_names", True):
        parts.append(rf"{cap}\s+{cap}(?:\s+{cap})?")
    named = re2.compile(rf"\b(?:{'|'.join(parts)})")
    return AccusationData(
        version=str(data.get("version", "0")),
        target_score=float(data.get("target_score", 0.45)),
        accusations=weights("accusations"),
        boosters=weights("boosters"),
        roles=frozenset(w for p in data.get("role_targets") or () if (w := _words(str(p)))),
        named=named,
        pairs=tuple(
            (
                str(name),
                frozenset(w for p in spec.get("objects") or () if (w := _words(str(p)))),
                frozenset(w for p in spec.get("deeds") or () if (w := _words(str(p)))),
                int(spec.get("reach", 4)),
                float(spec.get("weight", 0.55)),
            )
            for name, spec in (data.get("pairs") or {}).items()
        ),
        not_names=frozenset(str(w).lower() for w in data.get("not_names") or ()),
        names_capitalised=bool(data.get("names_capitalised", False)),
        prohibition_reach=int(data.get("prohibition_reach", 1)),
        not_prohibiting_after=frozenset(
            w for p in data.get("not_prohibiting_after") or () for w in _words(str(p))
        ),
        prohibitions=frozenset(w for p in data.get("prohibitions") or () for w in _words(str(p))),
    )


def _longest(words: Sequence[str], table: Any, i: int) -> int:
    for n in (4, 3, 2, 1):
        if i + n <= len(words) and tuple(words[i : i + n]) in table:
            return n
    return 0


class AccusationRecognizer:
    """A target and an act on it in the same sentence or the next: an accusation against a
    named person (fitnah, this module's data) or, with other data, a call to vote for a named
    candidate (politik, :mod:`bijak.engine.recognizers.endorsement`)."""

    def __init__(
        self, data: AccusationData | None = None, *, name: str = NAME, category: str = CATEGORY
    ) -> None:
        self.data = data if data is not None else accusation_data()
        self.name = name
        self.category = category
        self.categories: tuple[str, ...] = (category,)
        self._first = frozenset(p[0] for p in self.data.accusations)
        # the prefilter: a post must hold, for some accusation, its longest word ("karena
        # bayar" -> "bayar"), so common first words ("karena", "dari") let few posts through
        self._keys = frozenset(max(p, key=len) for p in self.data.accusations)
        self._any_first = (
            self._first
            | frozenset(p[0] for p in self.data.boosters)
            | frozenset(p[0] for p in self.data.roles)
        )
        self._pair_objects = frozenset(p[0] for _, a, _, _, _ in self.data.pairs for p in a)
        self._pair_deeds = frozenset(p[0] for _, _, b, _, _ in self.data.pairs for p in b)
        # per rule, the first words of its objects and of its deeds (a cheap check per post)
        self._pair_firsts = tuple(
            (frozenset(p[0] for p in a), frozenset(p[0] for p in b))
            for _, a, b, _, _ in self.data.pairs
        )

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        words = doc.words
        pairs = not self._pair_deeds.isdisjoint(words) and not self._pair_objects.isdisjoint(words)
        if self._keys.isdisjoint(words) and not pairs:
            return []
        d = self.data
        tokens = doc.tokens
        text = doc.original
        accusations: list[tuple[int, int, float]] = []
        boosters: list[float] = []
        roles: list[tuple[int, int]] = []
        any_first = self._any_first
        neg = _negations()
        i = 0
        while i < len(words):
            if words[i] not in any_first:
                i += 1  # nothing starts here (cheap skip)
                continue
            n = _longest(words, d.accusations, i)
            if n and i > 0 and (words[i - 1] in neg or self._prohibited(words, i)):
                i += n  # "tidak korupsi", "bukan pelakunya", "dilarang pasang stiker"
                continue
            if n:
                accusations.append((i, i + n - 1, d.accusations[tuple(words[i : i + n])]))
                i += n
                continue
            n = _longest(words, d.boosters, i)
            if n:
                boosters.append(d.boosters[tuple(words[i : i + n])])
            r = _longest(words, d.roles, i)
            if r:
                roles.append((i, i + r - 1))
            step = max(n, r, 1)
            # an accusation may start inside a booster or role ("pasti [dia yang ambil]")
            inner = next(
                (k for k in range(i + 1, i + step) if _longest(words, d.accusations, k)), None
            )
            i = inner if inner is not None else i + step
        if pairs:
            accusations.extend(self._pairs(words))
        if not accusations:
            return []
        sent = _sentence_ids(text, tokens)  # only once an accusation is found
        cased = d.names_capitalised and text != text.lower()
        targets = [  # original spans
            (m.start(), m.end())
            for m in d.named.finditer(text)
            if not _names_no_one(m.group(0), d.not_names, cased)
        ]
        for a, b in roles:
            targets.append((tokens[a].ostart, tokens[b].oend))
        if not targets:
            return []
        out: list[Finding] = []
        boost = noisy_or(tuple(sorted(boosters, reverse=True)[:2]))
        for first, last, weight in accusations:
            acc_sent = sent[first]
            start, end = tokens[first].ostart, tokens[last].oend
            near = [
                (s, min(e, start) if s < start < e else e)  # a name run into the accusation
                for s, e in targets
                if abs(_sent_of(sent, tokens, s) - acc_sent) <= 1 and s != start
            ]
            if not near:
                continue
            ts, te = min(near, key=lambda t: abs(t[0] - start))
            score = noisy_or((d.target_score, weight, boost))
            span_s, span_e = min(ts, start), max(te, end)
            out.append(
                new_finding(
                    self.category,
                    span_s,
                    span_e,
                    score,
                    self.name,
                    text[span_s:span_e],
                    {
                        "kind": "pair",
                        "term": " ".join(words[first : last + 1]),
                        "cue": " ".join(words[first : last + 1]),
                        "target_text": text[ts:te],
                        "cue_text": text[start:end],
                    },
                )
            )
        return out

    def _prohibited(self, words: Sequence[str], i: int) -> bool:
        """Whether a prohibition of the data stands up to ``prohibition_reach`` words before
        word ``i`` ("dilarang pasang stiker"), and is not a reminder ("jangan lupa pilih")."""
        d = self.data
        if not d.prohibitions:
            return False
        lo = max(0, i - d.prohibition_reach)
        return any(
            words[k] in d.prohibitions
            and (k + 1 >= i or words[k + 1] not in d.not_prohibiting_after)
            for k in range(lo, i)
        )

    def _pairs(self, words: Sequence[str]) -> list[tuple[int, int, float]]:
        """Object + deed accusations ("dana BOK dipotong", "ijazahnya beli")."""
        out: list[tuple[int, int, float]] = []
        neg = _negations()
        present = set(words)
        for (_name, objects, deeds, reach, weight), (ofirst, dfirst) in zip(
            self.data.pairs, self._pair_firsts, strict=True
        ):
            if ofirst.isdisjoint(present) or dfirst.isdisjoint(present):
                continue  # this rule cannot match: no scan
            objs = _pair_hits(words, objects)
            if not objs:
                continue
            for ds, de in _pair_hits(words, deeds):
                if ds > 0 and words[ds - 1] in neg:
                    continue  # "tidak dipotong"
                near = [
                    (os_, oe)
                    for os_, oe in objs
                    if (0 <= ds - oe <= reach) or (0 <= os_ - de <= reach)
                ]
                if near:
                    os_, oe = min(near, key=lambda o: abs(o[0] - ds))
                    out.append((min(os_, ds), max(oe, de), weight))
        return out


def _pair_hits(words: Sequence[str], table: frozenset[Phrase]) -> list[tuple[int, int]]:
    out = []
    i = 0
    while i < len(words):
        n = _longest(words, table, i)
        if n:
            out.append((i, i + n - 1))
            i += n
        else:
            i += 1
    return out


def _names_no_one(target: str, not_names: frozenset[str], cased: bool) -> bool:
    """Whether the word after a target's honorific is a role, not a name ("Bu Bidan"), or,
    in a post with capitals (``cased``), a word in lower case ("Bu bidan")."""
    words = target.split()
    if len(words) < 2:
        return False
    second = words[1].strip(".")
    return second.lower() in not_names or (cased and not second[:1].isupper())


@cache
def _negations() -> frozenset[str]:
    from bijak.engine.context import load_context

    return load_context("id").negations | frozenset({"bebas", "bersih", "anti"})


def _sentence_ids(text: str, tokens: Any) -> list[int]:
    out: list[int] = []
    k = 0
    for i, tok in enumerate(tokens):
        if i and sentences.ends_between(text, tokens[i - 1].oend, tok.ostart):
            k += 1
        out.append(k)
    return out


def _sent_of(sent: list[int], tokens: Any, offset: int) -> int:
    for i, tok in enumerate(tokens):
        if tok.oend > offset:
            return sent[i]
    return sent[-1] if sent else 0


@recognizers.register(NAME)
def make_accusation_recognizer(context: BuildContext | None = None) -> AccusationRecognizer:
    return AccusationRecognizer()
