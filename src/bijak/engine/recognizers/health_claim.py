"""``bijak.health_claim.v1``: a health claim with no source (category ``tanpa_sumber``).

Claim cues ("menyembuhkan", "obat ampuh", "100% sembuh", "vaksin menyebabkan" ...) come from
``lexicons/tanpa_sumber.yaml``. If the post names a source ("sumber:", "menurut", a link,
kemkes.go.id, who.int ...) the claim is not reported. This is a caution, never a breach: the
policy mapping caps ``tanpa_sumber`` at ``tinjau``.

The default pipeline matches the same lexicon, with the same rule, inside the single pass of
``bijak.lexicon.v1`` (one pass over the tokens is cheaper than two); this recognizer is the
same logic on its own, for a pipeline that wants only claims.
"""

from __future__ import annotations

from collections.abc import Callable

from bijak.engine.lexicons import Lexicon, load_lexicon
from bijak.engine.recognizers.lexicon import LexiconRecognizer, normalized_words
from bijak.engine.registry import BuildContext, recognizers

NAME = "bijak.health_claim.v1"


class HealthClaimRecognizer(LexiconRecognizer):
    name: str = NAME

    def __init__(
        self, lexicon: Lexicon, split: Callable[[str], tuple[str, ...]] = normalized_words
    ) -> None:
        super().__init__([lexicon], split)


@recognizers.register(NAME)
def make_health_claim_recognizer(
    context: BuildContext | None = None,
) -> HealthClaimRecognizer:
    return HealthClaimRecognizer(load_lexicon("tanpa_sumber"))
