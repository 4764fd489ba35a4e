"""One pass over normalised tokens: phrase lookup by first word, then a check of the rest.

Phrases are normalised with the same normaliser as the text, so an entry written ``gacor``
also matches ``g4c0r`` or ``G A C O R`` in a post (the normaliser de-obfuscates both sides).
The cost per token is one dict lookup (plus one ``endswith`` when suffixes are configured).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

SHAPE_CACHE_SIZE = 200_000
"""Words whose shape was already checked (bounded; words repeat a lot across posts)."""
MIN_FALLBACK_LEN = 5
"""Words shorter than this are only looked up whole (no stem, suffix or digit shapes)."""


class TokenLike(Protocol):
    @property
    def text(self) -> str: ...
    @property
    def ostart(self) -> int: ...
    @property
    def oend(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means for one lexicon: its category, role and weight."""

    category: str
    role: str  # "term" | "target" | "cue" | "source" | "suffix"
    weight: float
    phrase: str


@dataclass(frozen=True, slots=True)
class Hit:
    entry: Entry
    first: int  # token index of the first word
    last: int  # token index of the last word (inclusive)
    ostart: int
    oend: int


class PhraseMatcher:
    """Matches many phrases (tuples of normalised words) in one left-to-right pass."""

    def __init__(self, split: Callable[[str], tuple[str, ...]]) -> None:
        self._split = split
        self._first: dict[str, list[tuple[tuple[str, ...], list[Entry]]]] = {}
        self._suffix_entries: dict[str, list[Entry]] = {}
        self._suffixes: tuple[str, ...] = ()
        self._min_stem = 3
        self._glued: list[Entry] = []
        self._spaced: list[Entry] = []
        self._alts: dict[str, dict[str, Entry]] = {}
        self._shape_cache: dict[str, tuple[Entry, ...]] = {}
        self._glued_stop: frozenset[str] = frozenset()

    def add(self, phrase: str, entry: Entry) -> None:
        words = self._split(phrase)
        if not words:
            return
        bucket = self._first.setdefault(words[0], [])
        for existing_words, entries in bucket:
            if existing_words == words:
                for k, old in enumerate(entries):
                    if (old.category, old.role) == (entry.category, entry.role):
                        # Two spellings that normalise alike ("dungu" and "bodoh" both become
                        # "bodoh"): the weaker one is the default, and the original spelling
                        # picks its own entry at match time.
                        if len(words) == 1:
                            alts = self._alts.setdefault(words[0], {})
                            alts.setdefault(old.phrase, old)
                            alts[entry.phrase] = entry
                        if entry.weight < old.weight:
                            entries[k] = entry
                        return
                entries.append(entry)
                return
        bucket.append((words, [entry]))
        bucket.sort(key=lambda item: -len(item[0]))  # longest first

    def add_glued(self, entry: Entry, stoplist: frozenset[str]) -> None:
        """Report words shaped like ``name17`` / ``name188`` (not ``covid19``: ``stoplist``)."""
        self._glued.append(entry)
        self._glued_stop = self._glued_stop | stoplist

    def add_spaced(self, entry: Entry) -> None:
        """Report words whose letters were spaced out in the original (``s l o t``)."""
        self._spaced.append(entry)

    def add_suffix(self, suffix: str, entry: Entry) -> None:
        self._suffix_entries.setdefault(suffix, []).append(entry)
        self._suffixes = tuple(sorted(self._suffix_entries, key=len, reverse=True))

    def match(self, tokens: Sequence[TokenLike], original: str = "") -> list[Hit]:
        hits: list[Hit] = []
        first = self._first
        n_tok = len(tokens)
        spaced = self._spaced
        # the original spelling only matters where the normaliser turned digits into letters
        raw_ok = bool(original) and any(d in original for d in "0123456789")
        # spaced-out letters merge into one token: more spaces than tokens is the cheap sign
        if spaced and (not original or original.count(" ") < n_tok + 2):
            spaced = []
        shapes = self._shape_cache
        for i, tok in enumerate(tokens):
            word = tok.text
            if spaced and tok.oend - tok.ostart > len(word) + 2:
                # "s l o t" / "P U L A U W I N": letters spaced out to dodge filters
                if " " in original[tok.ostart : tok.oend]:
                    for entry in spaced:
                        hits.append(Hit(entry, i, i, tok.ostart, tok.oend))
            cands = first.get(word)
            if cands is not None:
                seen: set[str] = set()
                for words, entries in cands:
                    n = len(words)
                    if n > 1:
                        if i + n > n_tok:
                            continue
                        ok = True
                        for k in range(1, n):
                            if tokens[i + k].text != words[k]:
                                ok = False
                                break
                        if not ok:
                            continue
                    last = tokens[i + n - 1]
                    alts = self._alts.get(word) if n == 1 and original else None
                    for entry in entries:
                        key = entry.category + entry.role
                        if key in seen:  # a longer phrase already matched here
                            continue
                        seen.add(key)
                        if alts is not None:
                            own = alts.get(original[tok.ostart : tok.oend].lower())
                            if own is not None and own.category == entry.category:
                                entry = own
                        hits.append(Hit(entry, i, i + n - 1, tok.ostart, last.oend))
                if seen:
                    continue
            if len(word) < MIN_FALLBACK_LEN:
                continue  # too short for a stem + suffix / digits shape
            found = shapes.get(word)
            if found is None:
                found = self._shape_entries(word)
                if len(shapes) < SHAPE_CACHE_SIZE:
                    shapes[word] = found
            if not found and raw_ok:
                raw = original[tok.ostart : tok.oend].lower()
                if raw != word and len(raw) >= MIN_FALLBACK_LEN:
                    found = self._shape_entries(raw)
            for entry in found:
                hits.append(Hit(entry, i, i, tok.ostart, tok.oend))
        return hits

    def _shape_entries(self, word: str) -> tuple[Entry, ...]:
        """Entries a word matches by its shape: a known word plus "-nya" or digits
        ("gacornya", "gacor88"), a name with digits glued on, or a known suffix."""
        first = self._first
        stem = ""
        if word.endswith("nya") and len(word) > 6:
            stem = word[:-3]
        elif word[-1:].isdigit() and not word.isdigit():
            stem = word.rstrip("0123456789")
        if len(stem) >= self._min_stem:
            stem_cands = first.get(stem)
            if stem_cands is not None:
                found = tuple(
                    entry
                    for words, entries in stem_cands
                    if len(words) == 1
                    for entry in entries
                    if entry.role == "term"
                )
                if found:
                    return found
        if self._glued and word[-1:].isdigit() and self._glued_hit(word) is not None:
            return tuple(self._glued)
        if self._suffixes and len(word) > self._min_stem + 1:
            hit = self._suffix_hit(word, self._suffixes)
            if hit is not None:
                return tuple(self._suffix_entries[hit])
        return ()

    def _glued_hit(self, word: str) -> str | None:
        """``alexis17``: a name of 3+ letters with 2-3 digits glued on (site-name shape)."""
        stem = word.rstrip("0123456789")
        n_digits = len(word) - len(stem)
        if 2 <= n_digits <= 3 and len(stem) >= self._min_stem and stem.isalpha():
            if stem not in self._glued_stop:
                return stem
        return None

    def _suffix_hit(self, word: str, suffixes: tuple[str, ...]) -> str | None:
        if not word.endswith(suffixes):
            return None
        for suf in suffixes:
            if word.endswith(suf) and len(word) - len(suf) >= self._min_stem:
                stem = word[: -len(suf)]
                if stem.isalnum() and not stem.isdigit():
                    return suf
        return None


def build_matcher(
    split: Callable[[str], tuple[str, ...]],
    items: Iterable[tuple[str, Entry]],
) -> PhraseMatcher:
    matcher = PhraseMatcher(split)
    for phrase, entry in items:
        if entry.role == "suffix":
            matcher.add_suffix(phrase, entry)
        else:
            matcher.add(phrase, entry)
    return matcher
