"""``bijak.npwp.v1``: NPWP (tax number), the usual ``99.999.999.9-999.999`` format, or 15 digits
right after the word "NPWP". (The 16-digit NPWP is the NIK, found by ``bijak.nik.v1``.)

Data only (``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``."""

from __future__ import annotations

from bijak.engine.recognizers.pattern import pattern_factory
from bijak.engine.registry import recognizers

NAME = "bijak.npwp.v1"
FORMATTED_SCORE = 0.85
CONTEXT_SCORE = 0.8

make_npwp_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
