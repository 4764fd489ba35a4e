"""``bijak.claims.v1``: matching against a hoax-clarification knowledge base (slot).

The knowledge base (clarified hoaxes, managed by the compliance officer on the site) does not
exist yet. Until it does, this recognizer is registered but finds nothing; a knowledge base
plugs in by passing a ``matcher`` callable that returns findings for a document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bijak.engine.findings import Finding
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.claims.v1"
ClaimMatcher = Callable[["NormalizedText"], list[Finding]]


class ClaimRecognizer:
    name: str = NAME
    categories: tuple[str, ...] = ("hoaks",)

    def __init__(self, matcher: ClaimMatcher | None = None) -> None:
        self.matcher = matcher

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        if self.matcher is None:
            return []
        return self.matcher(doc)


@recognizers.register(NAME)
def make_claim_recognizer(context: BuildContext | None = None) -> ClaimRecognizer:
    return ClaimRecognizer()
