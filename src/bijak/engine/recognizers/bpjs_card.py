"""``bijak.bpjs_card.v1``: BPJS Kesehatan / KIS card numbers: 13 digits starting ``000``.

With a context word ("bpjs", "kis", "kartu", "jkn", "peserta", "askes") in the 30 characters
before the number the score is high; a bare 13-digit ``000...`` number is reported with a lower
score (very likely a card number, but could be anything). Data only
(``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``.
"""

from __future__ import annotations

from bijak.engine.recognizers.pattern import pattern_factory
from bijak.engine.registry import recognizers

NAME = "bijak.bpjs_card.v1"
CONTEXT_SCORE = 0.85
BARE_SCORE = 0.45

make_bpjs_card_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
