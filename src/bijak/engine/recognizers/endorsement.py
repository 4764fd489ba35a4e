"""``bijak.endorsement.v1``: a call to vote for a named candidate (politik, B.4 neutrality).

The target-and-act rule of :mod:`bijak.engine.recognizers.accusation` with other language
data (``lang/id/endorsements.yaml``): a candidate (a person named after an honorific, or a
ballot reference such as "paslon 2" or "calon kita"), an act of support in the same sentence
or the next ("pilih", "kemenangan", "balas budi", "stiker"), and the election itself
somewhere in the post ("pilkada", "bilik suara", "calon bupati"). The model gate does not set
it aside: it reads a structure (who, what, which election), not one word, and the politik
model has seen few of the ways a health worker campaigns. The context frames of politik
(neutrality reminders, voting logistics, news) apply to it as to any finding.
"""

from __future__ import annotations

from bijak.engine.recognizers.accusation import AccusationRecognizer, accusation_data
from bijak.engine.registry import BuildContext, recognizers

NAME = "bijak.endorsement.v1"
CATEGORY = "politik"


@recognizers.register(NAME)
def make_endorsement_recognizer(context: BuildContext | None = None) -> AccusationRecognizer:
    return AccusationRecognizer(
        accusation_data("id", "endorsements.yaml"), name=NAME, category=CATEGORY
    )
