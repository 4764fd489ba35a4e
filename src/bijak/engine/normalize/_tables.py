"""Loading of the normaliser's data files (``data/``): slang, emoji, look-alikes, vocabulary.

Every file is UTF-8 text with a ``#`` comment header (author, provenance, version) and one entry
per line. The tables are read once, at import, and are immutable afterwards.
"""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Final

DATA_DIR: Final = Path(__file__).resolve().parent / "data"


def _lines(name: str) -> list[str]:
    text = (DATA_DIR / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _pairs(name: str) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _lines(name):
        key, _, value = line.partition("\t")
        key, value = key.strip(), value.strip()
        if not key or not value:
            raise ValueError(f"{name}: bad line {line!r}")
        table[key] = value
    return table


def table_version(name: str) -> str:
    """The ``# version:`` of a data file's header (``"?"`` if it has none)."""
    for line in (DATA_DIR / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# version:"):
            return line.partition(":")[2].strip()
    return "?"


SLANG: Final = MappingProxyType({k: v for k, v in _pairs("slang-id.tsv").items() if k != v})
"""Informal word -> formal form (one or more words separated by spaces)."""

EMOJI: Final = MappingProxyType(_pairs("emoji.tsv"))
"""Emoji kept as tokens -> short name (token text is ``emoji_<name>``)."""

CONFUSABLES: Final = MappingProxyType(_pairs("confusables.tsv"))
"""Look-alike character -> Latin letter or digit (one character each)."""

DOUBLE_LETTER_WORDS: Final = frozenset(w.strip() for w in _lines("double-letter-words.txt"))
"""Words that really contain a doubled letter."""

KNOWN_WORDS: Final = DOUBLE_LETTER_WORDS | frozenset(
    w for value in SLANG.values() for w in value.split()
)
"""Words known to be real, used to decide how far to collapse stretched letters."""
