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
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from operator import itemgetter
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
_text = itemgetter(0)
"""A token's normalised text (``Token`` is a named tuple; ``text`` is its first field)."""
OFFICIAL_KEEP = 0.9
"""With an official link in the post, only a near-verbatim match (>= this) still counts."""


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
    ) -> None:
        self.matcher = matcher
        self.kb = kb
        self.threshold = threshold
        self.strong = strong
        self.weak_score = weak_score
        self.strong_score = strong_score
        self._stems: frozenset[str] = kb.stems if kb is not None else frozenset()

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        if self.matcher is not None:
            return self.matcher(doc)
        kb = self.kb
        if kb is None or not doc.tokens:
            return []
        stems = content_stems(map(_text, doc.tokens))
        shared = stems & self._stems
        if len(shared) < MIN_SHARED or not kb.could_match(shared):
            return []
        best: dict[str, Any] = {}
        for words, spans in sentence_windows(doc):
            if not kb.window_could_match(content_stems(words)):
                continue  # no paraphrase shares enough stems with this window
            for m in kb.match_words(words, spans, self.threshold):
                old = best.get(m.entry.id)
                if old is None or m.similarity > old.similarity:
                    best[m.entry.id] = m
        out: list[Finding] = []
        text = doc.original
        low = text.lower()
        # a link to an official or scientific page: the post most likely corrects the claim
        official = ("http" in low or "www" in low) and any(d in low for d in OFFICIAL_DOMAINS)
        for m in sorted(best.values(), key=lambda m: -m.similarity)[:MAX_MATCHES]:
            if official and m.similarity < OFFICIAL_KEEP:
                continue
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
        return out


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
