"""``bijak.lexicon.v1``: every category word list, matched in one pass over normalised tokens.

- a ``term`` gives a finding scored with its weight (plus ``upper_bonus`` when written in
  capitals in the original);
- a ``target`` and a ``cue`` of the same lexicon within ``window`` tokens give ONE finding
  spanning them, scored ``noisy_or(target, cues...)`` (up to three nearest cues); alone they give nothing (unless the same
  phrase is also listed as a weak ``term``);
- a ``suffix`` marks a whole word (e.g. a gambling-site name ending in ``toto``);
- a ``counter`` phrase ("stop", "bahaya") cancels nearby weak terms of its lexicon;
- a ``term`` of weight 0 is a literal phrase: it reports nothing, and a ``cue`` inside it does
  not count ("membuang sampah" is about rubbish, not an insult);
- a ``source`` phrase ("sumber:", "menurut") or a link cancels the terms of its lexicon
  (``tanpa_sumber``: a health claim is only reported when no source is named).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import re2

from bijak.engine import sentences
from bijak.engine.context import load_context, negated_at
from bijak.engine.findings import Finding, clamp, new_finding, noisy_or
from bijak.engine.lexicons import (
    LEXICON_FILES,
    VARIANT_MIN_WEIGHT,
    Lexicon,
    load_lexicon,
    spelling_variants,
)
from bijak.engine.matcher import Entry, Hit, PhraseMatcher, build_matcher
from bijak.engine.registry import BuildContext, recognizers

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

NAME = "bijak.lexicon.v1"
STYLED_TERM = "<huruf hias>"
GLUED_TERM = "<nama+angka>"
SOURCE_MIN_WEIGHT = 0.6
"""A ``sources`` phrase at least this strong cancels its lexicon's claims ("sumber:")."""
LINK = re2.compile(r"(?i)(?:https?://|www\.)\S+|\b[a-z0-9-]+\.(?:go\.id|ac\.id|org|int|gov)\b")
"""A link also counts as naming a source."""
MAX_STYLED_TOKENS = 3
SPACED_FACTOR = 0.7
"""A spaced-out word ("s l o t") scores ``styled * SPACED_FACTOR``."""
_STYLED_RANGES = (
    (0x1D400, 0x1D7FF),  # mathematical bold/italic/script/double-struck/monospace letters, digits
    (0x1F130, 0x1F189),  # squared and negative squared Latin letters
    (0xFF10, 0xFF19),  # fullwidth digits
    (0xFF21, 0xFF3A),  # fullwidth capitals
    (0xFF41, 0xFF5A),  # fullwidth small letters
    (0x24B6, 0x24E9),  # circled Latin letters
    (0x2460, 0x2473),  # circled digits
    (0x2776, 0x2793),  # dingbat negative circled digits
    (0x0332, 0x0338),  # combining low line, overlays (l̲i̲n̲e̲d̲, s̶t̶r̶u̶c̶k̶)
    (0x033D, 0x033D),
    (0x0347, 0x0347),
    (0x034E, 0x034E),
    (0x0353, 0x0353),
    (0x0359, 0x0359),
    (0x035F, 0x035F),
    (0x20E3, 0x20E3),  # combining enclosing keycap
    (0x0489, 0x0489),  # combining cyrillic millions sign (P҉U҉L҉A҉U҉)
    (0x1D00, 0x1D22),  # small capitals (ᴀ ʙ ᴄ ᴅ ᴇ ...)
    (0xA730, 0xA731),  # small capital F, S
    (0x026A, 0x026A),  # ɪ
    (0x0274, 0x0274),  # ɴ
    (0x0280, 0x0280),  # ʀ
    (0x028F, 0x028F),  # ʏ
    (0x0299, 0x0299),  # ʙ
    (0x029C, 0x029C),  # ʜ
    (0x029F, 0x029F),  # ʟ
    (0x0262, 0x0262),  # ɢ
)
STYLED_CHARS = frozenset(chr(c) for lo, hi in _STYLED_RANGES for c in range(lo, hi + 1))
"""Decorative letters (checked per token with a set, no regex): mathematical alphanumerics,
enclosed/squared letters, fullwidth forms, circled digits, striking combining marks."""
NEGATIONS: frozenset[str] = load_context("id").negations
"""A cue right after one of these ("tidak kecewa") does not count (``lang/id/context.yaml``)."""
NEGATION_FILLERS: frozenset[str] = load_context("id").negation_fillers
"""Words a negation reaches over ("tidak pernah kecewa"; ``lang/id/context.yaml``)."""
MAX_CUES = 3
CUE_SEP = " | "
"""Separates the cue words in ``meta["cue_text"]`` when several cues back one target."""


def normalized_words(phrase: str) -> tuple[str, ...]:
    """The normalised tokens of a lexicon phrase (same normaliser as the analysed text)."""
    from bijak.engine.normalize import normalize

    return tuple(t.text for t in normalize(phrase).tokens)


def lexicon_entries(lex: Lexicon) -> list[tuple[str, Entry]]:
    items: list[tuple[str, Entry]] = []
    for role, table in (
        ("term", lex.terms),
        ("target", lex.targets),
        ("cue", lex.cues),
        ("suffix", lex.suffixes),
        ("source", lex.sources),
        ("counter", lex.counters),
        ("pile", lex.piles),
    ):
        for phrase, weight in table.items():
            items.append((phrase, Entry(lex.category, role, weight, phrase)))
    return items


def variant_entries(lexicons: Sequence[Lexicon]) -> list[tuple[str, Entry]]:
    """The generated spellings of the one-word terms and cues of the lexicons that ask for
    them (``spelling_variants``), each standing for its word, in its role, at its weight. A
    spelling that is a known word, a slang form or a phrase of any lexicon is left out."""
    from bijak.engine.normalize._tables import KNOWN_WORDS, SLANG

    taken = set(KNOWN_WORDS) | set(SLANG)
    for lex in lexicons:
        for table in (lex.terms, lex.targets, lex.cues, lex.counters, lex.sources):
            taken.update(w for phrase in table for w in phrase.split())
    items: list[tuple[str, Entry]] = []
    for lex in lexicons:
        if not lex.spelling_variants:
            continue
        for role, table in (("term", lex.terms), ("cue", lex.cues)):
            for phrase, weight in table.items():
                if weight < VARIANT_MIN_WEIGHT or " " in phrase:
                    continue
                for form in sorted(spelling_variants(phrase) - taken):
                    items.append((form, Entry(lex.category, role, weight, phrase)))
    return items


class LexiconRecognizer:
    """Word lists of many categories in one automaton-like pass."""

    name: str = NAME

    def __init__(
        self,
        lexicons: Sequence[Lexicon],
        split: Callable[[str], tuple[str, ...]] = normalized_words,
    ) -> None:
        self.lexicons = tuple(lexicons)
        self.categories = tuple(dict.fromkeys(lex.category for lex in self.lexicons))
        items: list[tuple[str, Entry]] = []
        for lex in self.lexicons:
            items.extend(lexicon_entries(lex))
        items.extend(variant_entries(self.lexicons))
        self._matcher: PhraseMatcher = build_matcher(split, items)
        self._window = {lex.category: lex.window for lex in self.lexicons}
        self._across = frozenset(
            lex.category for lex in self.lexicons if lex.pairs_across_sentences
        )
        self._piles = {
            lex.category: (lex.pile_min, lex.pile_weight) for lex in self.lexicons if lex.piles
        }
        self._hashtag = {
            lex.category: dict(lex.hashtag_targets) for lex in self.lexicons if lex.hashtag_targets
        }
        self._needs_source = frozenset(lex.category for lex in self.lexicons if lex.sources)
        self._counter_max = {lex.category: lex.counter_max for lex in self.lexicons if lex.counters}
        self._upper = {lex.category: lex.upper_bonus for lex in self.lexicons if lex.upper_bonus}
        self._exclaim = {
            lex.category: (lex.exclamations, lex.exclamation_words)
            for lex in self.lexicons
            if lex.exclamations
        }
        self._styled = tuple(
            Entry(lex.category, "term", lex.styled, STYLED_TERM)
            for lex in self.lexicons
            if lex.styled
        )
        for lex in self.lexicons:
            if lex.styled:
                self._matcher.add_spaced(
                    Entry(lex.category, "term", round(lex.styled * SPACED_FACTOR, 4), STYLED_TERM)
                )
            if lex.glued_digits:
                self._matcher.add_glued(
                    Entry(lex.category, "term", lex.glued_digits, GLUED_TERM), lex.glued_stoplist
                )

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        original = doc.original
        hits = self._matcher.match(doc.tokens, original)
        if self._styled and not original.isascii():
            hits.extend(self._styled_hits(doc))
        if not hits:
            return []
        findings: list[Finding] = []
        terms: list[Hit] = []
        pairs: dict[str, tuple[list[Hit], list[Hit]]] = {}
        sourced: set[str] = set()
        counters: list[Hit] = []
        piles: dict[str, list[Hit]] = {}
        tagged: list[Hit] = []
        for hit in hits:
            role = hit.entry.role
            if role == "counter":
                counters.append(hit)
            elif role == "pile":
                if not _negated(doc, hit.first):
                    piles.setdefault(hit.entry.category, []).append(hit)
            elif role == "source":
                if hit.entry.weight >= SOURCE_MIN_WEIGHT:
                    sourced.add(hit.entry.category)
            elif role == "target":
                pairs.setdefault(hit.entry.category, ([], []))[0].append(hit)
                tag = self._hashtag.get(hit.entry.category)
                if tag and hit.entry.phrase in tag and _in_hashtag(original, hit.ostart):
                    tagged.append(hit)
            elif role == "cue":
                pairs.setdefault(hit.entry.category, ([], []))[1].append(hit)
            else:
                terms.append(hit)
        # (category, token) -> score of the pair that used the token
        used: dict[tuple[str, int], float] = {}
        for category, (targets, cues) in pairs.items():
            if targets and cues:
                if len(targets) > 1:
                    targets = _drop_contained(targets)
                cues = [
                    c for c in cues if not _negated(doc, c.first) and not _inside_literal(c, terms)
                ]
                findings.extend(self._pairs(category, targets, cues, original, used))
        for hit in tagged:
            if (hit.entry.category, hit.first) not in used:
                findings.append(self._tagged(hit, original))
        for category, piled in piles.items():
            finding = self._pile(category, piled, original)
            if finding is not None:
                findings.append(finding)
        if self._needs_source and any(h.entry.category in self._needs_source for h in terms):
            if ("." in original or "/" in original) and LINK.search(original) is not None:
                sourced |= self._needs_source
        if sourced:
            terms = [h for h in terms if h.entry.category not in sourced]
        if counters:
            terms = [h for h in terms if not self._countered(h, counters)]
        if len(terms) > 1:
            terms = _drop_contained(terms)
        upper = self._upper
        for hit in terms:
            entry = hit.entry
            paired = used.get((entry.category, hit.first))
            if paired is not None:
                if paired >= entry.weight:
                    continue  # the words of a pair at least as strong
                # a stronger term on a pair's words ("pilih nomor" over nomor + pilih) stands
                # in its place
                findings = [
                    f
                    for f in findings
                    if not (
                        f.category == entry.category
                        and f.meta.get("kind") == "pair"
                        and f.start < hit.oend
                        and hit.ostart < f.end
                    )
                ]
            evidence = original[hit.ostart : hit.oend]
            weight = entry.weight
            bonus = upper.get(entry.category)
            if bonus and evidence.isupper():
                weight = clamp(weight + bonus)
            exclaim = self._exclaim.get(entry.category)
            if exclaim is not None and hit.first == hit.last:
                strong = exclaim[0].get(entry.phrase, 0.0)
                if strong > weight and _exclamation(doc, hit, exclaim[1]):
                    weight = strong
            if weight <= 0.0:
                continue
            findings.append(
                new_finding(
                    entry.category,
                    hit.ostart,
                    hit.oend,
                    weight,
                    self.name,
                    evidence,
                    {"kind": entry.role, "term": entry.phrase},
                )
            )
        return findings

    def _tagged(self, hit: Hit, original: str) -> Finding:
        """A target written inside a hashtag: the tag promotes it (``hashtag_targets``)."""
        category = hit.entry.category
        weight = max(hit.entry.weight, self._hashtag[category][hit.entry.phrase])
        return new_finding(
            category,
            hit.ostart,
            hit.oend,
            weight,
            self.name,
            original[hit.ostart : hit.oend],
            {"kind": "hashtag", "term": hit.entry.phrase},
        )

    def _pile(self, category: str, piled: list[Hit], original: str) -> Finding | None:
        """One finding over the pile when enough different words of it stand in the post."""
        need, weight = self._piles[category]
        phrases = sorted({h.entry.phrase for h in piled})
        if len(phrases) < need:
            return None
        start = min(h.ostart for h in piled)
        end = max(h.oend for h in piled)
        return new_finding(
            category,
            start,
            end,
            weight,
            self.name,
            original[start:end],
            {"kind": "pile", "term": ", ".join(phrases)},
        )

    def _countered(self, hit: Hit, counters: list[Hit]) -> bool:
        """A weak term near a phrase speaking against its category ("stop judi online")."""
        category = hit.entry.category
        if hit.entry.weight > self._counter_max.get(category, 0.0):
            return False
        window = self._window.get(category, 8)
        for c in counters:
            if c.entry.category == category:
                dist = c.first - hit.last if c.first > hit.last else hit.first - c.last
                if dist <= window:
                    return True
        return False

    def _styled_hits(self, doc: NormalizedText) -> list[Hit]:
        """One hit per token that contains decorative letters, when only a few tokens do
        (a whole post in a fancy font is a style choice, not a disguised name)."""
        original = doc.original
        found: list[int] = []
        for i, tok in enumerate(doc.tokens):
            segment = original[tok.ostart : tok.oend]
            if segment.isascii() or STYLED_CHARS.isdisjoint(segment) or len(tok.text) < 3:
                continue
            found.append(i)
            if len(found) > MAX_STYLED_TOKENS:
                return []
        tokens = doc.tokens
        return [
            Hit(entry, i, i, tokens[i].ostart, tokens[i].oend)
            for i in found
            for entry in self._styled
        ]

    def _pairs(
        self,
        category: str,
        targets: list[Hit],
        cues: list[Hit],
        original: str,
        used: dict[tuple[str, int], float],
    ) -> list[Finding]:
        window = self._window.get(category, 8)
        out: list[Finding] = []
        for t in targets:
            near: list[tuple[int, Hit]] = []
            for c in cues:
                if c.first <= t.last and c.last >= t.first:
                    continue  # the same words
                dist = c.first - t.last if c.first > t.last else t.first - c.last
                if dist <= window and (
                    category in self._across
                    or not sentences.ends_between(
                        original, *((t.oend, c.ostart) if c.first > t.last else (c.oend, t.ostart))
                    )
                ):
                    near.append((dist, c))
            if not near:
                continue
            near.sort(key=lambda dc: dc[0])
            chosen = [c for _, c in near[:MAX_CUES]]
            score = noisy_or((t.entry.weight, *(c.entry.weight for c in chosen)))
            for h in (t, *chosen):
                for k in range(h.first, h.last + 1):
                    used[category, k] = max(score, used.get((category, k), 0.0))
            start = min(t.ostart, *(c.ostart for c in chosen))
            end = max(t.oend, *(c.oend for c in chosen))
            out.append(
                new_finding(
                    category,
                    start,
                    end,
                    score,
                    self.name,
                    original[start:end],
                    {
                        "kind": "pair",
                        "term": t.entry.phrase,
                        "cue": chosen[0].entry.phrase,
                        "target_text": original[t.ostart : t.oend],
                        "cue_text": CUE_SEP.join(original[c.ostart : c.oend] for c in chosen),
                    },
                )
            )
        return out


_CLAUSE_END = frozenset(".!?,;:\n")


def _exclamation(doc: NormalizedText, hit: Hit, companions: frozenset[str]) -> bool:
    """The one-word ``hit`` stands as an exclamation: the clause around it (between
    punctuation marks or line breaks) holds no other word than ``companions`` and repetitions
    of the word itself ("Anjing betul," / "Setan, setan, setan.")."""
    original, tokens = doc.original, doc.tokens
    word = tokens[hit.first].text
    for k, step in ((hit.first - 1, -1), (hit.last + 1, 1)):
        while 0 <= k < len(tokens):
            left, right = (tokens[k], tokens[k + 1]) if step < 0 else (tokens[k - 1], tokens[k])
            if not _CLAUSE_END.isdisjoint(original[left.oend : right.ostart]):
                break
            if tokens[k].text != word and tokens[k].text not in companions:
                return False
            k += step
    return True


def _in_hashtag(original: str, start: int) -> bool:
    """Whether the word at ``start`` of ``original`` is part of a hashtag (``#Nomor3Untuk``)."""
    i = start
    while i > 0 and not original[i - 1].isspace():
        i -= 1
        if original[i] == "#":
            return True
    return original[start : start + 1] == "#"


def _negated(doc: NormalizedText, first: int) -> bool:
    """Whether a cue starting at token ``first`` is negated (the context filter's rule,
    :func:`bijak.engine.context.negated_at`: "tidak kecewa", "tidak pernah kecewa", "itu
    bukan 'anak kutukan'")."""
    tokens = doc.tokens
    original = doc.original
    return negated_at(
        doc.words,
        first,
        NEGATIONS,
        NEGATION_FILLERS,
        gap=lambda k: original[tokens[k - 1].oend : tokens[k].ostart],
    )


def _inside_literal(cue: Hit, terms: list[Hit]) -> bool:
    """The cue lies inside a longer weight-0 term of its lexicon (a literal phrase)."""
    return any(
        t.entry.weight <= 0.0
        and t.entry.category == cue.entry.category
        and t.first <= cue.first
        and cue.last <= t.last
        and (t.last - t.first) > (cue.last - cue.first)
        for t in terms
    )


def _drop_contained(hits: list[Hit]) -> list[Hit]:
    """Drop a hit inside a longer hit of the same category ("wd" inside "langsung wd")."""
    kept: list[Hit] = []
    for h in hits:
        inside = False
        for o in hits:
            if (
                o is not h
                and o.entry.category == h.entry.category
                and o.first <= h.first
                and h.last <= o.last
                and (o.last - o.first) > (h.last - h.first)
            ):
                inside = True
                break
        if not inside:
            kept.append(h)
    return kept


@recognizers.register(NAME)
def make_lexicon_recognizer(context: BuildContext | None = None) -> LexiconRecognizer:
    return LexiconRecognizer([load_lexicon(name) for name in LEXICON_FILES])
