"""``bijak.claims.v1``: matching against the knowledge base of debunked health claims.

The shipped knowledge base (``claims/health-id.yaml``) is loaded by default; officers' own
entries and ClaimReview imports come in through ``extra_entries`` (or a whole ``kb``). A
match is a ``hoaks`` finding over the matched sentences with the claim, the correct fact
and its source in ``meta`` (``claim_id``, ``claim``, ``fact``, ``source``, ``similarity``),
which the report shows as a clarification (``Report.clarifications``), so the employee can
correct the hoax (A.8) instead of spreading it.

Scores: similarity >= ``strong`` (0.72) gives ``strong_score`` (0.9: a breach); similarity
>= ``threshold`` (0.55) gives ``weak_score`` (0.65: review). A ``matcher`` callable can
replace the knowledge base entirely (the older plug-in seam).

Second path (``rare_cover``): chain messages wrap a claim in many words of their own ("guys
plis jangan minum ..., teman saya sudah kena, spread!!"), which lowers the n-gram cosine even
when every telling word of the claim is there. So a sentence window that holds at least
``RARE_MIN_SHARED`` of a paraphrase's content stems, covering ``rare_cover`` (0.65) of the
paraphrase's stems weighted by their rarity in the knowledge base (idf: "machupo",
"paracetamol" weigh more than "minum"), in a post with no negation word, is a match too, at
``weak_score`` (review, never a breach on its own), with the claim's fact as clarification.
``meta["kind"]`` says which path matched ("klaim" or "klaim-kata").
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bijak.engine.claims import (
    MIN_SHARED,
    ClaimEntry,
    ClaimKnowledgeBase,
    content_stems,
    load_default_kb,
    sentence_windows,
)
from bijak.engine.findings import Finding
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.claims.v1"
ClaimMatcher = Callable[["NormalizedText"], list[Finding]]
MAX_MATCHES = 3
OFFICIAL_DOMAINS = (".go.id", "who.int", ".ac.id", "cdc.gov", "turnbackhoax.id", "cekfakta.com")
OFFICIAL_KEEP = 0.9
"""With an official link in the post, only a near-verbatim match (>= this) still counts."""
NEGATED_MARGIN = 0.02
"""In a post with a negation word anywhere ("tidak menemukan bukti ..."), a match needs this
much more than ``threshold``: education posts name the claim's topic and deny it."""
RARE_MIN_SHARED = 3
"""The rarity-weighted path needs at least this many of a paraphrase's stems in one window."""
NOT_NEGATING_HERE = frozenset({"jangan", "ulah", "aja", "ojo"})
"""Exhortations ("jangan minum ..."), not denials: they do not block the rarity path."""
GENERIC_WORDS = (
    "membuat", "buat", "bikin", "bisa", "jadi", "menjadi", "ada", "menyebabkan", "sebab",
    "karena", "orang", "anak", "minum", "makan", "pakai", "kena", "banyak", "semua",
)  # fmt: skip
"""Words too common in claims to count as telling ones on the rarity path (they still count
in a paraphrase's total): "vaksinasi HPV buat anak" is not "vaksin HPV membuat mandul"."""
PROTECTIVE = frozenset(
    {"mencegah", "cegah", "pencegahan", "melindungi", "perlindungan", "menangkal", "mitos",
     "hoaks", "hoax", "keliru"}
)  # fmt: skip
"""A window with one of these words that its paraphrase lacks says something else: "tabir
surya membantu mencegah kanker kulit" is the fact, not the claim that it causes cancer."""


@lru_cache(maxsize=4096)
def _para_words(text: str) -> frozenset[str]:
    from bijak.engine.normalize import normalize

    return frozenset(t.text for t in normalize(text).tokens)


def _other_sense(words: list[str], paraphrase: str) -> bool:
    """The window holds a protective or debunking word the paraphrase does not."""
    prot = PROTECTIVE.intersection(words)
    return bool(prot) and prot.isdisjoint(_para_words(paraphrase))


def _denies(denied: list[str], paraphrase: str) -> bool:
    """A word of the paraphrase stands right after a negation in the window ("yang tra
    menularkan"), and the paraphrase itself has no negation: the window denies the claim."""
    para = _para_words(paraphrase)
    if not _negations().isdisjoint(para):
        return False
    # the stemmer is light ("menularkan" -> "ulark", "menular" -> "ular"): a shared start counts
    stems = content_stems(para)
    return any(
        d.startswith(p) or p.startswith(d)
        for d in content_stems(denied)
        for p in stems
        if min(len(d), len(p)) >= 4
    )


@lru_cache(maxsize=1)
def _negations() -> frozenset[str]:
    """The denying words of the language data, without the exhortations."""
    from bijak.engine.claims import _lang_words

    return _lang_words()[1] - NOT_NEGATING_HERE


class ClaimRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("hoaks",)

    def __init__(
        self,
        matcher: ClaimMatcher | None = None,
        *,
        kb: ClaimKnowledgeBase | None = None,
        threshold: float = 0.55,
        strong: float = 0.72,
        weak_score: float = 0.65,
        strong_score: float = 0.9,
        rare_cover: float = 0.65,
    ) -> None:
        self.matcher = matcher
        self.kb = kb
        self.threshold = threshold
        self.strong = strong
        self.weak_score = weak_score
        self.strong_score = strong_score
        self._stems: frozenset[str] = kb.stems if kb is not None else frozenset()
        self.rare_cover = rare_cover
        self._rare = _RareIndex(kb) if kb is not None and rare_cover < 1.0 else None
        self._negations = _negations()

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        if self.matcher is not None:
            return self.matcher(doc)
        kb = self.kb
        if kb is None or not doc.tokens:
            return []
        stems = content_stems(doc.words)
        shared = stems & self._stems
        if len(shared) < MIN_SHARED or not kb.could_match(shared):
            return []
        best: dict[str, Any] = {}
        rare: dict[str, tuple[ClaimEntry, str, float, int, int]] = {}
        # a negation anywhere in the post ("tidak ada bukti ...", "itu tidak benar") may deny
        # the claim from another sentence: the rarity path stays out
        negated = self._rare is not None and not self._rare.negations.isdisjoint(doc.words)
        rare_index = None if negated else self._rare
        for words, spans in sentence_windows(doc):
            if not kb.window_could_match(content_stems(words)):
                continue  # no paraphrase shares enough stems with this window
            denied = [w for i, w in enumerate(words[1:]) if words[i] in self._negations]
            for m in kb.match_words(words, spans, self.threshold):
                if _other_sense(words, m.paraphrase):
                    continue
                if denied and _denies(denied, m.paraphrase):
                    continue  # "yang tidak menularkan: salaman, gigitan nyamuk": denied here
                old = best.get(m.entry.id)
                if old is None or m.similarity > old.similarity:
                    best[m.entry.id] = m
            if rare_index is not None:
                for entry, para, cover in rare_index.match(words, self.rare_cover):
                    old_rare = rare.get(entry.id)
                    if (
                        entry.id not in best
                        and (old_rare is None or cover > old_rare[2])
                        and not _other_sense(words, para)
                    ):
                        rare[entry.id] = (entry, para, cover, spans[0][0], spans[-1][1])
        out: list[Finding] = []
        text = doc.original
        low = text.lower()
        # a link to an official or scientific page: the post most likely corrects the claim
        official = ("http" in low or "www" in low) and any(d in low for d in OFFICIAL_DOMAINS)
        for m in sorted(best.values(), key=lambda m: -m.similarity)[:MAX_MATCHES]:
            if official and m.similarity < OFFICIAL_KEEP:
                continue
            if negated and m.similarity < self.threshold + NEGATED_MARGIN:
                continue  # a post with a denial somewhere: a borderline match is its topic only
            score = self.strong_score if m.similarity >= self.strong else self.weak_score
            out.append(
                Finding(
                    category="hoaks",
                    start=m.start,
                    end=m.end,
                    score=score,
                    recognizer=NAME,
                    evidence=text[m.start : m.end],
                    meta={
                        "kind": "klaim",
                        "term": m.entry.id,
                        "claim_id": m.entry.id,
                        "claim": m.entry.claims[0],
                        "matched": m.paraphrase,
                        "fact": m.entry.fact,
                        "source": m.entry.source,
                        "similarity": f"{m.similarity:.3f}",
                    },
                )
            )
        if official:
            return out  # a link to an official page: only the near-verbatim path counts
        for entry, para, cover, start, end in sorted(rare.values(), key=lambda r: -r[2]):
            if len(out) >= MAX_MATCHES or entry.id in best:
                continue
            out.append(
                Finding(
                    category="hoaks",
                    start=start,
                    end=end,
                    score=self.weak_score,
                    recognizer=NAME,
                    evidence=text[start:end],
                    meta={
                        "kind": "klaim-kata",
                        "term": entry.id,
                        "claim_id": entry.id,
                        "claim": entry.claims[0],
                        "matched": para,
                        "fact": entry.fact,
                        "source": entry.source,
                        "similarity": f"{cover:.3f}",
                    },
                )
            )
        return out


class _RareIndex:
    """Each paraphrase's content stems with their rarity (idf over all paraphrases)."""

    def __init__(self, kb: ClaimKnowledgeBase) -> None:
        from bijak.engine.claims import _lang_words
        from bijak.engine.normalize import normalize

        negations = _lang_words()[1]
        paras: list[tuple[ClaimEntry, str, frozenset[str]]] = []
        df: dict[str, int] = {}
        for e in kb.entries:
            for text in e.claims:
                words = [t.text for t in normalize(text).tokens]
                if not negations.isdisjoint(words):
                    continue  # "lansia tidak perlu vaksin": its meaning is in the negation
                stems = frozenset(content_stems(words))
                paras.append((e, text, stems))
                for st in stems:
                    df[st] = df.get(st, 0) + 1
        n = max(len(paras), 1)
        self.idf = {st: math.log((1 + n) / (1 + c)) + 1.0 for st, c in df.items()}
        # fsum: a set's order changes with the interpreter's hash seed, an exact sum does not
        self.paras = [(e, t, sts, math.fsum(self.idf[x] for x in sts)) for e, t, sts in paras]
        self.index: dict[str, list[int]] = {}
        for k, (_, _, sts, _) in enumerate(self.paras):
            for x in sts:
                self.index.setdefault(x, []).append(k)
        self.negations = _negations()
        self.generic = frozenset(content_stems(GENERIC_WORDS))

    def match(self, words: list[str], cover: float) -> list[tuple[ClaimEntry, str, float]]:
        """The best-covered paraphrase of each entry that covers at least ``cover`` of its
        rarity with ``words``, best first. The same for any hash seed: candidates are taken in
        paraphrase order and sums are exact, so a tie goes to the first paraphrase."""
        stems = content_stems(words)
        hits: dict[int, int] = {}
        for x in stems:
            for k in self.index.get(x, ()):
                hits[k] = hits.get(k, 0) + 1
        cands = sorted(k for k, c in hits.items() if c >= RARE_MIN_SHARED)
        if not cands:
            return []
        best: dict[str, tuple[ClaimEntry, str, float]] = {}
        idf = self.idf
        for k in cands:
            e, text, st, total = self.paras[k]
            shared = (st & stems) - self.generic
            if len(shared) < RARE_MIN_SHARED:
                continue
            got = math.fsum(idf[x] for x in shared) / total
            if got >= cover and (e.id not in best or got > best[e.id][2]):
                best[e.id] = (e, text, got)
        return sorted(best.values(), key=lambda r: -r[2])


@recognizers.register(NAME)
def make_claim_recognizer(
    context: BuildContext | None = None,
    *,
    extra_entries: Iterable[ClaimEntry] = (),
    **params: Any,
) -> ClaimRecognizer:
    """The recognizer with the shipped knowledge base, plus ``extra_entries``."""
    kb = load_default_kb()
    extra = tuple(extra_entries)
    if extra:
        kb = kb.with_entries(extra)
    return ClaimRecognizer(kb=kb, **params)
