"""One pass over normalised tokens: phrase lookup by first word, then a check of the rest.

Phrases are normalised with the same normaliser as the text, so an entry written ``gacor``
also matches ``g4c0r`` or ``G A C O R`` in a post (the normaliser de-obfuscates both sides).
The cost per token is one dict lookup (plus one ``endswith`` when suffixes are configured).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

WORD_CACHE_SIZE = 50_000
"""Words already looked up (bounded; words repeat a lot across posts)."""
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


class Hit(NamedTuple):
    """A match (a tuple: cheap to create on the hot path)."""

    entry: Entry
    first: int  # token index of the first word
    last: int  # token index of the last word (inclusive)
    ostart: int
    oend: int


_Cands = list[tuple[tuple[str, ...], list[Entry]]]
_Compiled = tuple[tuple[tuple[str, ...], int, tuple[tuple[str, Entry], ...]], ...]
_Info = tuple[_Compiled | None, tuple[Entry, ...] | None, dict[str, Entry] | None]


class PhraseMatcher:
    """Matches many phrases (tuples of normalised words) in one left-to-right pass."""

    def __init__(self, split: Callable[[str], tuple[str, ...]]) -> None:
        self._split = split
        self._first: dict[str, _Cands] = {}
        self._suffix_entries: dict[str, list[Entry]] = {}
        self._suffixes: tuple[str, ...] = ()
        self._min_stem = 3
        self._glued: list[Entry] = []
        self._spaced: list[Entry] = []
        self._alts: dict[str, dict[str, Entry]] = {}
        self._word_info: dict[str, _Info] = {}
        self._glued_stop: frozenset[str] = frozenset()

    def add(self, phrase: str, entry: Entry) -> None:
        self._word_info.clear()
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
        self._word_info.clear()
        self._glued.append(entry)
        self._glued_stop = self._glued_stop | stoplist

    def add_spaced(self, entry: Entry) -> None:
        """Report words whose letters were spaced out in the original (``s l o t``)."""
        self._spaced.append(entry)

    def add_suffix(self, suffix: str, entry: Entry) -> None:
        self._word_info.clear()
        self._suffix_entries.setdefault(suffix, []).append(entry)
        self._suffixes = tuple(sorted(self._suffix_entries, key=len, reverse=True))

    def match(self, tokens: Sequence[TokenLike], original: str = "") -> list[Hit]:
        hits: list[Hit] = []
        n_tok = len(tokens)
        spaced = self._spaced
        # the original spelling only matters where the normaliser turned digits into letters
        raw_ok = bool(original) and any(map(original.__contains__, "0123456789"))
        # spaced-out letters merge into one token: more spaces than tokens is the cheap sign
        if spaced and (not original or original.count(" ") < n_tok + 2):
            spaced = []
        info_cache = self._word_info
        new = tuple.__new__  # builds a Hit without the Python-level NamedTuple.__new__
        for i, tok in enumerate(tokens):
            word = tok.text
            if spaced and tok.oend - tok.ostart > len(word) + 2:
                # "s l o t" / "P U L A U W I N": letters spaced out to dodge filters
                if " " in original[tok.ostart : tok.oend]:
                    for entry in spaced:
                        hits.append(new(Hit, (entry, i, i, tok.ostart, tok.oend)))
            info = info_cache.get(word)
            if info is None:
                info = self._info(word)
            cands, shaped, alts = info
            if cands is not None:
                seen: set[str] | None = None
                for rest, n, keyed in cands:
                    if n > 1:
                        if i + n > n_tok:
                            continue
                        k = i
                        for w in rest:
                            k += 1
                            if tokens[k].text != w:
                                break
                        else:
                            k += 1
                        if k != i + n:
                            continue
                        end = tokens[i + n - 1].oend
                    else:
                        end = tok.oend
                    for key, entry in keyed:
                        if seen is None:
                            seen = {key}
                        elif key in seen:  # a longer phrase already matched here
                            continue
                        else:
                            seen.add(key)
                        if alts is not None and n == 1 and original:
                            own = alts.get(original[tok.ostart : tok.oend].lower())
                            if (
                                own is not None
                                and own.category == entry.category
                                and own.role == entry.role
                            ):
                                entry = own
                        hits.append(new(Hit, (entry, i, i + n - 1, tok.ostart, end)))
                if seen is not None:
                    continue
            if shaped is None:
                continue  # too short for a stem + suffix / digits shape
            if not shaped and raw_ok:
                raw = original[tok.ostart : tok.oend].lower()
                if raw != word and len(raw) >= MIN_FALLBACK_LEN:
                    shaped = self._shape_entries(raw)
            for entry in shaped:
                hits.append(new(Hit, (entry, i, i, tok.ostart, tok.oend)))
        return hits

    def _info(self, word: str) -> _Info:
        """What a word can start (phrases, longest first, as (rest, length, ((key, entry),
        ...))), what it matches by shape (``None``: too short to check), and the spellings
        merged into it. Cached per word, bounded."""
        bucket = self._first.get(word)
        cands = None
        if bucket is not None:
            cands = tuple(
                (words[1:], len(words), tuple((e.category + e.role, e) for e in entries))
                for words, entries in bucket
            )
        shaped = self._shape_entries(word) if len(word) >= MIN_FALLBACK_LEN else None
        info: _Info = (cands, shaped, self._alts.get(word))
        if len(self._word_info) < WORD_CACHE_SIZE:
            self._word_info[word] = info
        return info

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
