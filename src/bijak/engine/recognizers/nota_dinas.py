"""``bijak.nota_dinas.v1``: official-letter numbers of internal documents (category rahasia).

A nota dinas number such as ``ND.01.02/III/123/2024`` in a public post suggests an internal
document is being shared. Public circular numbers (``HK.02.02/III/2438/2018``) are not
flagged: only numbers introduced by "ND" / "nota dinas". Data only
(``lang/id/patterns.yaml``), run by the one ``PatternRecognizer``.
"""

from __future__ import annotations

from bijak.engine.recognizers.pattern import pattern_factory
from bijak.engine.registry import recognizers

NAME = "bijak.nota_dinas.v1"
SCORE = 0.6

make_nota_dinas_recognizer = recognizers.register(NAME)(pattern_factory(NAME))
