"""The character-folding table: one ``str.translate`` pass does all per-character work.

Every entry maps a code point to exactly one character or to nothing (deleted), never to
several characters; so when the folded text has the same length as the input, offsets are
unchanged, and otherwise only the deleted positions need to be known (see ``DELETED_RE``).

What the table does:

- upper case -> lower case (where that is one character);
- compatibility forms -> their letter or digit (NFKD without marks): full-width letters,
  mathematical alphanumerics (𝐠𝐚𝐜𝐨𝐫, 𝓼𝓵𝓸𝓽), circled and squared letters (ⓖ, 🄶), super- and
  subscript digits, accented Latin letters (ğ -> g);
- negative circled/squared letters (🅶, 🅖) and the look-alikes of ``data/confusables.tsv``
  (small capitals, Cyrillic and Greek letters that look Latin) -> Latin;
- invisible characters (zero-width, bidi controls, soft hyphen, variation selectors, tags,
  emoji skin tones, combining marks used as decoration) -> deleted;
- control characters, lone surrogates and exotic spaces -> a plain space; line and paragraph
  separators -> a newline;
- emoji not listed in ``data/emoji.tsv`` -> a space (listed ones stay, to become tokens).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from ._tables import CONFUSABLES, EMOJI

# Invisible or decorative code points, deleted outright.
_DELETED_RANGES: Final = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x0300, 0x036F),  # combining diacritical marks
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x0483, 0x0489),  # Cyrillic combining marks
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul fillers (render blank)
    (0x17B4, 0x17B5),  # Khmer invisible vowels
    (0x180B, 0x180F),  # Mongolian variation selectors and vowel separator
    (0x1AB0, 0x1AFF),  # combining diacritical marks extended
    (0x1DC0, 0x1DFF),  # combining diacritical marks supplement
    (0x200B, 0x200F),  # zero width space, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embedding controls
    (0x2060, 0x206F),  # word joiner, invisible operators, bidi isolates, deprecated formats
    (0x20D0, 0x20FF),  # combining marks for symbols (keycap U+20E3 included)
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFE20, 0xFE2F),  # combining half marks
    (0xFEFF, 0xFEFF),  # zero width no-break space / BOM
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0x1F3FB, 0x1F3FF),  # emoji skin tones
    (0xE0000, 0xE007F),  # tags
    (0xE0100, 0xE01EF),  # variation selectors supplement
)

# Blocks whose letters/digits are folded through NFKD (and lower-casing).
_FOLD_RANGES: Final = (
    (0x0041, 0x005A),
    (0x00AA, 0x024F),  # Latin-1 supplement, Latin extended A and B
    (0x0250, 0x02AF),  # IPA extensions (small capitals)
    (0x0370, 0x052F),  # Greek, Cyrillic (only confusables and lower-casing apply)
    (0x1950, 0x197F),  # Tai Le (only confusables apply)
    (0x1D00, 0x1DBF),  # phonetic extensions (small capitals)
    (0x1E00, 0x1FFF),  # Latin extended additional, Greek extended
    (0x2070, 0x209F),  # super- and subscripts
    (0x2100, 0x218F),  # letterlike symbols, number forms
    (0x2460, 0x24FF),  # enclosed alphanumerics
    (0x2C60, 0x2C7F),  # Latin extended C
    (0xA720, 0xA7FF),  # Latin extended D
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x1D400, 0x1D7FF),  # mathematical alphanumeric symbols
    (0x1F100, 0x1F1FF),  # enclosed alphanumeric supplement
    (0x3000, 0x303F),  # CJK punctuation (lenticular brackets, only confusables apply)
)

# Emoji blocks: everything here not listed in data/emoji.tsv becomes a space.
_EMOJI_RANGES: Final = (
    (0x2190, 0x21FF),  # arrows
    (0x2300, 0x23FF),  # misc technical (⌚ ⏰ ...)
    (0x2500, 0x259F),  # box drawing, block elements (░ used between spaced-out letters)
    (0x25A0, 0x25FF),  # geometric shapes
    (0x2600, 0x27BF),  # misc symbols, dingbats
    (0x2900, 0x297F),  # supplemental arrows
    (0x2B00, 0x2BFF),  # misc symbols and arrows (⭐ ...)
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x1F000, 0x1F0FF),  # mahjong, dominoes, playing cards
    (0x1F1E6, 0x1F1FF),  # regional indicators (flags)
    (0x1F200, 0x1F2FF),  # enclosed ideographic supplement
    (0x1F300, 0x1FAFF),  # pictographs, emoticons, transport, supplemental, extended-A
)

_SPACES: Final = (
    (0x0000, 0x0008),
    (0x000B, 0x000C),
    (0x000E, 0x001F),
    (0x007F, 0x00A0),  # DEL, C1 controls, no-break space
    (0x1680, 0x1680),
    (0x2000, 0x200A),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
    (0xD800, 0xDFFF),  # lone surrogates
)


def _fold_one(ch: str) -> str | None:
    """The single-character folding of ``ch``, or None when it stays as it is."""
    if ch in CONFUSABLES:
        return CONFUSABLES[ch]
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) == 1 and base in CONFUSABLES:
        return CONFUSABLES[base]
    if len(base) == 1 and base.isascii() and (base.isalnum() or base != ch):
        return base.lower()  # letters, digits, and full-width punctuation ("！" -> "!")
    low = ch.lower()
    if len(low) == 1 and low != ch:
        return low
    return None


def _build() -> tuple[dict[int, str], frozenset[int]]:
    table: dict[int, str] = {}
    deleted: set[int] = set()
    for lo, hi in _EMOJI_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = " "
    for lo, hi in _FOLD_RANGES:
        for cp in range(lo, hi + 1):
            folded = _fold_one(chr(cp))
            if folded is not None:
                table[cp] = folded
    # Negative circled (🅐) and negative squared (🅰) capital letters have no decomposition.
    for base in (0x1F150, 0x1F170):
        for i in range(26):
            table[base + i] = chr(ord("a") + i)
    for ch, rep in CONFUSABLES.items():
        table[ord(ch)] = rep
    for lo, hi in _SPACES:
        for cp in range(lo, hi + 1):
            table[cp] = " "
    table[0x2028] = "\n"
    table[0x2029] = "\n"
    for lo, hi in _DELETED_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = ""
            deleted.add(cp)
    for ch in EMOJI:
        table.pop(ord(ch), None)
    for cp, rep in list(table.items()):
        if len(rep) > 1:  # pragma: no cover - guarded by construction
            raise ValueError(f"fold table maps U+{cp:04X} to several characters")
        if rep == chr(cp):
            del table[cp]
    return table, frozenset(deleted)


FOLD, DELETED = _build()
"""``str.translate`` table, and the code points it deletes."""


def _char_class(ranges: tuple[tuple[int, int], ...]) -> str:
    parts = []
    for lo, hi in ranges:
        parts.append(
            re.escape(chr(lo)) if lo == hi else f"{re.escape(chr(lo))}-{re.escape(chr(hi))}"
        )
    return "".join(parts)


DELETED_RE: Final = re.compile(f"[{_char_class(_DELETED_RANGES)}]+")
"""Runs of deleted code points in an original text."""

EMOJI_CLASS: Final = "".join(re.escape(ch) for ch in sorted(EMOJI))
"""A regex character class body matching the emoji kept as tokens."""
