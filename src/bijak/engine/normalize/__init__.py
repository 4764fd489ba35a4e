"""Informal Indonesian -> normalised text, with a map back to offsets in the original.

>>> doc = normalize("G4C0R bgt yg di s l o t")
>>> doc.text
'gacor banget yang di slot'
>>> [(t.text, t.ostart, t.oend) for t in doc.tokens][:2]
[('gacor', 0, 5), ('banget', 6, 9)]

``fold(text)`` does only the character step (case, look-alikes, invisibles), for word
endings and fixed strings that must not go through slang ("jp" stays "jp").

Component name: ``bijak.normalize.v1`` (``NORMALIZER_VERSION``). See ``_core`` for the rules.
"""

from __future__ import annotations

from ._core import NORMALIZER_VERSION, NormalizedText, Token, fold, normalize, normalize_word

__all__ = ["NORMALIZER_VERSION", "NormalizedText", "Token", "fold", "normalize", "normalize_word"]
