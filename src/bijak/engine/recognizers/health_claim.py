"""``bijak.health_claim.v1``: a health claim with no source (category ``tanpa_sumber``).

Claim cues ("menyembuhkan", "obat ampuh", "100% sembuh", "vaksin menyebabkan" ...) come from
``lexicons/tanpa_sumber.yaml``. If the post names a source ("sumber:", "menurut", a link,
kemkes.go.id, who.int ...) the claim is not reported. This is a caution, never a breach: the
policy mapping caps ``tanpa_sumber`` at ``tinjau``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import re2

from bijak.engine.findings import Finding
from bijak.engine.lexicons import Lexicon, load_lexicon
from bijak.engine.matcher import Entry, build_matcher
from bijak.engine.recognizers.lexicon import normalized_words
from bijak.engine.registry import recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.health_claim.v1"
LINK = re2.compile(r"(?i)(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:go\.id|ac\.id|org|int|gov)\b")


class HealthClaimRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("tanpa_sumber",)

    def __init__(
        self, lexicon: Lexicon, split: Callable[[str], tuple[str, ...]] = normalized_words
    ) -> None:
        self.lexicon = lexicon
        items = [(p, Entry("tanpa_sumber", "term", w, p)) for p, w in lexicon.terms.items()]
        items += [(p, Entry("tanpa_sumber", "source", w, p)) for p, w in lexicon.sources.items()]
        self._matcher = build_matcher(split, items)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        hits = self._matcher.match(doc.tokens)
        if not hits:
            return []
        claims = [h for h in hits if h.entry.role == "term"]
        if not claims:
            return []
        if any(h.entry.role == "source" and h.entry.weight >= 0.6 for h in hits):
            return []
        text = doc.original
        if ("." in text or "/" in text) and LINK.search(text) is not None:
            return []
        return [
            Finding(
                category="tanpa_sumber",
                start=h.ostart,
                end=h.oend,
                score=h.entry.weight,
                recognizer=NAME,
                evidence=text[h.ostart : h.oend],
                meta={"kind": "klaim", "term": h.entry.phrase},
            )
            for h in claims
        ]


@recognizers.register(NAME)
def make_health_claim_recognizer() -> HealthClaimRecognizer:
    return HealthClaimRecognizer(load_lexicon("tanpa_sumber"))
