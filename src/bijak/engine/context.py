"""Context, not words: frames and word senses that lower or withdraw a finding.

A rule fires on a word; the words around it may say otherwise — a warning against scams
("Kemenkes tidak pernah meminta transfer"), a post that debunks a hoax ("hoaks lama", "cek
fakta"), news of a police raid ("BNN amankan 2 kg sabu"), a medical term ("serum anti bisa
ular (SABU)", "tahi lalat"), a recovery story ("dinyatakan sembuh total setelah kemoterapi").
The frames and senses are language data (``lang/id/context.yaml``); this module applies them
to the findings of one text, after every recognizer ran and before the policy mapping.

A touched finding keeps its span and evidence; its score becomes ``score * factor`` (0 for a
withdrawal) and ``meta`` records ``context`` (the frame id), ``context_cue`` (the words that
set the frame) and ``context_reason_id``/``context_reason_en`` (the sentence the explanation
shows). The finding stays in the report so the user sees what was set aside and why.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from bijak.engine import sentences
from bijak.engine.findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

CONTEXT_VERSION_KEY = "bijak.lang.id.context"
# a quoted stretch: straight or curly double quotes, guillemets (one line at most)
_QUOTED = re.compile(
    r'"[^"\n]{1,400}"|“[^”\n]{1,400}”|«[^»\n]{1,400}»|‘[^’\n]{1,200}’'
    r"|(?<!\w)'(?=\S)[^'\n]{1,200}?(?<=\S)'(?!\w)"
)


class ContextDataError(ValueError):
    """``context.yaml`` does not follow its format."""


Phrase = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Frame:
    id: str
    categories: frozenset[str]
    recognizers: frozenset[str]  # "words" | "model" | "claims"
    scope: str  # "text" | "sentence" | "window" | "quoted" (the finding is quoted, cue anywhere)
    window: int
    factor: float
    phrases: tuple[Phrase, ...]
    unless: tuple[Phrase, ...]
    reason_id: str
    reason_en: str
    requires: tuple[Phrase, ...] = ()
    """When given, one of these must also stand in the post (not negated, not quoted): a
    refutation ("keliru", "padahal belum terbukti") counts only next to a report of what
    others say ("katanya", "beredar pesan")."""
    overrulable: bool = False
    """``model_may_overrule`` (default: true for scope ``text``): a frame read from one cue
    word anywhere in the post (news of a raid, a film, a service notice, a named source, a
    neutrality reminder) is a guess that the trained model, when sure of the category,
    overrules (:mod:`bijak.engine.gate`). Frames whose ordinary posts carry the category's
    words by construction (a quoted claim then refuted, a debunked hoax, teaching about
    gambling) or that draw the policy's scope (a non-health service) set ``false``."""
    not_after: frozenset[str] = frozenset()
    """``cue_not_after``: a cue right after one of these words (within two words) does not
    count. A recovery story's "operasi" lowers a cure claim, but "tanpa perlu operasi" and
    "lebih murah dari operasi" are part of the claim, not care received."""
    skip_kinds: frozenset[str] = frozenset()
    """``not_kinds``: findings of these kinds (``meta["kind"]``) are left alone. A recovery
    story lowers a promise of cure, not a harm the post says something causes ("kita
    perawat, kita tau: headset bikin tumor otak")."""
    patterns: tuple[re.Pattern[str], ...] = ()
    """Cues written as patterns over the normalised words (one space between words), for a
    class of phrasing too varied to list ("tidak bisa saya share", "belum boleh kami
    bagikan", "ga akan nahu ceritakan"). Each starts with a group of plain words, its
    possible first words: ``(tidak|belum) (\\w+ )?(bisa|boleh|akan) ...``."""
    pattern_firsts: frozenset[str] = frozenset()
    """The words the ``patterns`` can start with (read from their first group)."""


@dataclass(frozen=True, slots=True)
class Sense:
    id: str
    category: str
    terms: frozenset[Phrase]
    window: int
    context: tuple[Phrase, ...]
    reason_id: str
    reason_en: str


@dataclass(frozen=True, slots=True)
class ContextData:
    name: str
    version: str
    frames: tuple[Frame, ...]
    senses: tuple[Sense, ...]
    negations: frozenset[str]
    """Words that negate the word after them (normalised)."""
    negation_fillers: frozenset[str]
    """Words that may stand between a negation and what it negates (see :func:`negated_at`)."""
    first_words: frozenset[str]
    """First word of every phrase: a post with none of them is left as it is (fast path)."""


def _words(phrase: str) -> Phrase:
    from bijak.engine.normalize import normalize

    return tuple(t.text for t in normalize(str(phrase)).tokens)


def _phrases(items: Any, where: str) -> tuple[Phrase, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise ContextDataError(f"{where}: must be a list of phrases")
    out = tuple(w for w in (_words(p) for p in items) if w)
    return out


_FIRST_GROUP = re.compile(r"^\((?:\?:)?([a-z0-9]+(?:\|[a-z0-9]+)*)\) ")


def _patterns(items: Any, where: str) -> tuple[tuple[re.Pattern[str], ...], frozenset[str]]:
    """A frame's ``patterns``: compiled, with the words they can start with."""
    if not items:
        return (), frozenset()
    if not isinstance(items, list):
        raise ContextDataError(f"{where}: patterns must be a list")
    compiled: list[re.Pattern[str]] = []
    firsts: set[str] = set()
    for p in items:
        m = _FIRST_GROUP.match(str(p))
        if m is None:
            raise ContextDataError(
                f"{where}: a pattern must start with a group of plain words and a space: {p!r}"
            )
        firsts.update(m.group(1).split("|"))
        try:
            compiled.append(re.compile(r"(?<!\S)" + str(p) + r"(?!\S)"))
        except re.error as e:
            raise ContextDataError(f"{where}: bad pattern {p!r}: {e}") from e
    return tuple(compiled), frozenset(firsts)


def _reason(raw: Any, where: str) -> tuple[str, str]:
    if not isinstance(raw, dict) or not raw.get("id") or not raw.get("en"):
        raise ContextDataError(f"{where}: 'reason' needs 'id' and 'en'")
    return str(raw["id"]), str(raw["en"])


def parse_context(text: str, file: str = "<string>") -> ContextData:
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ContextDataError(f"{file}: not a mapping")
    if "written by the bijak authors" not in text.lower():
        raise ContextDataError(f"{file}: header must say it was written by the bijak authors")
    frames: list[Frame] = []
    for i, raw in enumerate(data.get("frames") or ()):
        where = f"{file}: frames[{i}]"
        scope = str(raw.get("scope", "text"))
        if scope not in ("text", "sentence", "window", "quoted"):
            raise ContextDataError(f"{where}: scope must be text, sentence, window or quoted")
        factor = float(raw.get("factor", 0.0))
        if not 0.0 <= factor < 1.0:
            raise ContextDataError(f"{where}: factor must be in [0, 1)")
        rid, ren = _reason(raw.get("reason"), where)
        patterns, pattern_firsts = _patterns(raw.get("patterns"), where)
        frames.append(
            Frame(
                id=str(raw["id"]),
                categories=frozenset(str(c) for c in raw.get("categories") or ()),
                recognizers=frozenset(str(r) for r in raw.get("recognizers") or ("words",)),
                scope=scope,
                window=int(raw.get("window", 8)),
                factor=factor,
                phrases=_phrases(raw.get("phrases"), where),
                unless=_phrases(raw.get("unless"), where),
                reason_id=rid,
                reason_en=ren,
                requires=_phrases(raw.get("requires"), where),
                not_after=frozenset(str(w) for w in raw.get("cue_not_after") or ()),
                skip_kinds=frozenset(str(k) for k in raw.get("not_kinds") or ()),
                patterns=patterns,
                pattern_firsts=pattern_firsts,
                overrulable=bool(raw.get("model_may_overrule", scope == "text")),
            )
        )
    senses: list[Sense] = []
    for i, raw in enumerate(data.get("senses") or ()):
        where = f"{file}: senses[{i}]"
        rid, ren = _reason(raw.get("reason"), where)
        senses.append(
            Sense(
                id=str(raw["id"]),
                category=str(raw["category"]),
                terms=frozenset(_phrases(raw.get("terms"), where)),
                window=int(raw.get("window", 6)),
                context=_phrases(raw.get("context"), where),
                reason_id=rid,
                reason_en=ren,
            )
        )
    ids = Counter([f.id for f in frames] + [s.id for s in senses])
    twice = sorted(i for i, n in ids.items() if n > 1)
    if twice:
        raise ContextDataError(f"{file}: frame or sense ids used twice: {', '.join(twice)}")
    first = (
        {p[0] for f in frames for p in f.phrases}
        | {w for f in frames for w in f.pattern_firsts}
        | {p[0] for s in senses for p in s.context}
    )
    return ContextData(
        name=str(data.get("name", CONTEXT_VERSION_KEY)),
        version=str(data.get("version", "0")),
        frames=tuple(frames),
        senses=tuple(senses),
        negations=frozenset(w for p in _phrases(data.get("negations"), file) for w in p),
        negation_fillers=frozenset(
            w for p in _phrases(data.get("negation_fillers"), file) for w in p
        ),
        first_words=frozenset(first),
    )


@cache
def load_context(lang: str = "id") -> ContextData:
    path = resources.files("bijak.engine").joinpath("lang", lang, "context.yaml")
    return parse_context(path.read_text(encoding="utf-8"), f"lang/{lang}/context.yaml")


def _kind(f: Finding) -> str:
    if f.recognizer.startswith("bijak.model"):
        return "model"
    if f.recognizer.startswith("bijak.claims"):
        return "claims"
    return "words"


class _Words(list[str]):
    """The words of one text with an index word -> positions, so that looking up the many
    phrases of the frames costs a dict lookup each instead of a pass over the text."""

    def __init__(self, words: Sequence[str]) -> None:
        super().__init__(words)
        positions: dict[str, list[int]] = {}
        for i, w in enumerate(words):
            positions.setdefault(w, []).append(i)
        self.positions = positions
        self._joined: tuple[str, dict[int, int]] | None = None

    def joined(self) -> tuple[str, dict[int, int]]:
        """The words joined by single spaces, and the char offset of each word -> its index
        (what frame ``patterns`` search; built once per text)."""
        if self._joined is None:
            offsets: dict[int, int] = {}
            at = 0
            for k, w in enumerate(self):
                offsets[at] = k
                at += len(w) + 1
            self._joined = (" ".join(self), offsets)
        return self._joined

    def find(self, phrase: Phrase) -> list[int]:
        at = self.positions.get(phrase[0])
        if not at:
            return []
        if len(phrase) == 1:
            return at
        n = len(phrase)
        return [i for i in at if tuple(self[i : i + n]) == phrase]


class ContextFilter:
    """Applies the frames and senses of one language to the findings of one text."""

    def __init__(self, data: ContextData | None = None) -> None:
        self.data = data if data is not None else load_context("id")
        self._categories = frozenset(c for f in self.data.frames for c in f.categories) | frozenset(
            s.category for s in self.data.senses
        )
        # first words of each frame's cues, cancelling phrases and required phrases: a frame
        # none of whose first words stands in a text is skipped with one set test
        self._firsts = tuple(
            (
                frozenset(p[0] for p in fr.phrases) | fr.pattern_firsts,
                frozenset(p[0] for p in fr.unless),
                frozenset(p[0] for p in fr.requires),
            )
            for fr in self.data.frames
        )
        # (category, recognizer kind) -> the frames that apply to it, in order; filled lazily
        self._frames_for: dict[tuple[str, str], tuple[int, ...]] = {}
        # first word of a cue -> the frames it can start: the frames a text can fire are
        # found with one lookup per distinct word, not one test per frame and finding
        by_first: dict[str, set[int]] = {}
        for i, (firsts, _, _) in enumerate(self._firsts):
            for w in firsts:
                by_first.setdefault(w, set()).add(i)
        self._by_first = {w: frozenset(v) for w, v in by_first.items()}
        senses_for: dict[str, list[Sense]] = {}
        for sense in self.data.senses:
            senses_for.setdefault(sense.category, []).append(sense)
        self._senses_for = {c: tuple(v) for c, v in senses_for.items()}

    @property
    def version(self) -> str:
        return self.data.version

    def apply(
        self, doc: NormalizedText, findings: list[Finding], *, sure: frozenset[str] = frozenset()
    ) -> list[Finding]:
        """``findings`` of one text with the frames and senses applied. ``sure``: categories
        the trained model is sure of (see :mod:`bijak.engine.gate`), which a frame marked
        ``model_may_overrule`` leaves as they are."""
        cats = self._categories
        if not any(f.category in cats and f.score > 0.0 for f in findings):
            return findings  # nothing to read (findings already set aside are skipped below)
        tokens = doc.tokens
        words = _Words(doc.words)
        if self.data.first_words.isdisjoint(words.positions):
            return findings
        text = doc.original
        quoted = _quoted_words(text, tokens)
        by_first = self._by_first
        live: set[int] = set()
        for w in words.positions:
            hit = by_first.get(w)
            if hit is not None:
                live |= hit
        memo: dict[int, tuple[tuple[Phrase, tuple[int, ...]], ...]] = {}
        out: list[Finding] = []
        for f in findings:
            if f.category not in self._categories or f.score <= 0.0:
                out.append(f)
                continue
            touched = self._sense(f, tokens, words) or self._frame(
                f, text, tokens, words, quoted, memo, f.category in sure, live
            )
            out.append(touched or f)
        return _follow_words(out)

    def _sense(self, f: Finding, tokens: Sequence[Any], words: _Words) -> Finding | None:
        if _kind(f) != "words":
            return None
        senses = self._senses_for.get(f.category)
        if not senses:
            return None
        # the tokens of the finding
        idx = [i for i, t in enumerate(tokens) if t.ostart >= f.start and t.oend <= f.end]
        if not idx:
            return None
        for sense in senses:
            whole = tuple(words[idx[0] : idx[-1] + 1]) in sense.terms
            term_at = idx if whole else [i for i in idx if (words[i],) in sense.terms]
            if not term_at:
                continue
            lo, hi = term_at[0] - sense.window, term_at[-1] + sense.window
            for phrase in sense.context:
                for s in words.find(phrase):
                    e = s + len(phrase) - 1
                    if e >= lo and s <= hi and (e < term_at[0] or s > term_at[-1]):
                        cue = " ".join(phrase)
                        term = " ".join(words[term_at[0] : term_at[-1] + 1])
                        return lowered(
                            f, 0.0, sense.id, cue, sense.reason_id, sense.reason_en, term
                        )
        return None

    def _frame(
        self,
        f: Finding,
        text: str,
        tokens: Sequence[Any],
        words: _Words,
        quoted: frozenset[int],
        memo: dict[int, tuple[tuple[Phrase, tuple[int, ...]], ...]],
        sure: bool,
        live: set[int],
    ) -> Finding | None:
        key = (f.category, _kind(f))
        which = self._frames_for.get(key)
        if which is None:
            which = self._frames_for[key] = tuple(
                i
                for i, fr in enumerate(self.data.frames)
                if key[0] in fr.categories and key[1] in fr.recognizers
            )
        best: Finding | None = None
        frames = self.data.frames
        for i in which:
            if i not in live:
                continue  # none of the frame's cues starts with a word of this text
            frame = frames[i]
            if sure and frame.overrulable:
                continue
            if frame.skip_kinds and f.meta.get("kind") in frame.skip_kinds:
                continue
            hits = memo.get(i)
            if hits is None:
                hits = memo[i] = self._frame_hits(i, frame, words, quoted)
            for phrase, starts in hits:
                hit = next(
                    (s for s in starts if self._in_scope(frame, f, s, text, tokens, quoted)),
                    None,
                )
                if hit is None:
                    continue
                cue = text[tokens[hit].ostart : tokens[hit + len(phrase) - 1].oend]
                cand = lowered(f, frame.factor, frame.id, cue, frame.reason_id, frame.reason_en, "")
                if best is None or cand.score < best.score:
                    best = cand
                break
        return best

    def _frame_hits(
        self, i: int, frame: Frame, words: _Words, quoted: frozenset[int]
    ) -> tuple[tuple[Phrase, tuple[int, ...]], ...]:
        """Where the cues of one frame stand in this text (outside quotation marks, not right
        after a ``cue_not_after`` word), in the frame's order; none when an ``unless`` cancels
        it or a ``requires`` is missing. Called only for frames one of whose cues starts with a
        word of the text (``live`` in :meth:`apply`); computed once per text and frame,
        whatever the number of findings."""
        present = words.positions
        _, unless_firsts, requires_firsts = self._firsts[i]
        if not unless_firsts.isdisjoint(present) and any(
            self._affirmed(words, p, quoted) for p in frame.unless
        ):
            return ()
        if frame.requires and (
            requires_firsts.isdisjoint(present)
            or not any(self._affirmed(words, p, quoted) for p in frame.requires)
        ):
            return ()
        out = []
        for phrase in frame.phrases:
            if phrase[0] not in present:
                continue
            starts = tuple(
                s
                for s in words.find(phrase)
                if s not in quoted
                and not (
                    frame.not_after and not frame.not_after.isdisjoint(words[max(0, s - 2) : s])
                )
            )
            if starts:
                out.append((phrase, starts))
        if frame.patterns and not frame.pattern_firsts.isdisjoint(present):
            out.extend(self._pattern_hits(frame, words, quoted))
        return tuple(out)

    @staticmethod
    def _pattern_hits(
        frame: Frame, words: _Words, quoted: frozenset[int]
    ) -> list[tuple[Phrase, tuple[int, ...]]]:
        """The cues that ``frame.patterns`` find, as (their words, (first token,))."""
        joined, offsets = words.joined()
        out: list[tuple[Phrase, tuple[int, ...]]] = []
        for pattern in frame.patterns:
            for m in pattern.finditer(joined):
                s = offsets.get(m.start())
                if s is None or s in quoted:
                    continue
                if frame.not_after and not frame.not_after.isdisjoint(words[max(0, s - 2) : s]):
                    continue
                out.append((tuple(m.group().split(" ")), (s,)))
        return out

    def _affirmed(self, words: _Words, phrase: Phrase, quoted: frozenset[int]) -> bool:
        """``phrase`` occurs without a negation right before it and outside quotation marks:
        "jangan sebarkan" does not count as the spreading call "sebarkan" that would cancel
        a debunking frame, nor does a scam's line quoted as an example in a warning
        (Pelaku sering menulis "selamat Anda menang undian", abaikan saja)."""
        data = self.data
        return any(
            not negated_at(words, s, data.negations, data.negation_fillers) and s not in quoted
            for s in words.find(phrase)
        )

    @staticmethod
    def _in_scope(
        frame: Frame,
        f: Finding,
        s: int,
        text: str,
        tokens: Sequence[Any],
        quoted: frozenset[int],
    ) -> bool:
        if frame.scope == "text":
            return True
        if frame.scope == "quoted":
            # the words that fired stand inside quotation marks: someone else's words
            return bool(quoted) and any(i in quoted for i in _tokens_of(f, tokens))
        if frame.scope == "window":
            near = _tokens_of(f, tokens)
            return bool(near) and near[0] - frame.window <= s <= near[-1] + frame.window
        # sentence: no sentence end between the cue and the finding (a mark that closes a
        # quotation does not count: "Dasar bodoh!" teriak pelaku ...)
        a, b = (
            (f.end, tokens[s].ostart) if tokens[s].ostart >= f.end else (tokens[s].ostart, f.start)
        )
        return not sentences.ends_between(text, a, b, closing_quote=True)


_OPEN_QUOTES = ("'", '"', "\u201c", "\u2018", "\u00ab")
MAX_NEGATION_REACH = 3
"""A negation reaches the word after it, or over two filler words (``negation_fillers``)."""


def negated_at(
    words: Sequence[str],
    s: int,
    negations: frozenset[str],
    fillers: frozenset[str],
    *,
    gap: Callable[[int], str] | None = None,
) -> bool:
    """Whether the word at ``s`` is negated: a negation right before it, or with up to two
    filler words between ("jangan mi lagi usir", "tidak pernah kecewa"), or right before the
    quotation that opens one word before it ("itu bukan 'anak kutukan'"). ``gap(k)`` gives
    the original text between word ``k - 1`` and word ``k`` (for the quotation marks); the
    context frames and the lexicon cues share this one rule."""
    k = s - 1
    while k >= 0 and s - k <= MAX_NEGATION_REACH:
        w = words[k]
        if w in negations:
            return True
        if w not in fillers:
            if (
                gap is not None
                and k == s - 1
                and k > 0
                and words[k - 1] in negations
                and any(q in gap(k) for q in _OPEN_QUOTES)
            ):
                return True
            return False
        k -= 1
    return False


def _tokens_of(f: Finding, tokens: Sequence[Any]) -> list[int]:
    """Positions of the tokens that overlap the finding's span."""
    return [i for i, t in enumerate(tokens) if t.ostart < f.end and f.start < t.oend]


def _quoted_words(text: str, tokens: Sequence[Any]) -> frozenset[int]:
    """Positions of the tokens that stand inside quotation marks: words the author quotes
    (a scam's line shown as an example, a hoax's claim before its refutation). Neither a
    frame's cue nor its "unless" counts there. A post that is mostly one quotation (a chain
    message pasted in quotes) is read as the author's own words: nothing is set apart."""
    if not any(q in text for q in "\"“«‘'"):
        return frozenset()
    spans = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    if not spans:
        return frozenset()
    inside = frozenset(
        i for i, t in enumerate(tokens) if any(a < t.ostart and t.oend < b for a, b in spans)
    )
    return inside if 2 * len(inside) <= len(tokens) else frozenset()


def lowered(
    f: Finding,
    factor: float,
    frame_id: str,
    cue: str,
    reason_id: str,
    reason_en: str,
    term: str,
) -> Finding:
    """``f`` with its score times ``factor`` (0: withdrawn) and the reason in its meta
    (``context``, ``context_cue``, ``context_reason_id``/``_en`` with ``{cue}`` and ``{term}``
    filled, ``score_before_context``), which the explanation reads. Context frames and senses
    use it, and so does the model gate."""
    meta = dict(f.meta)
    cue = " ".join(cue.split())[:60]
    fill = {"cue": cue, "term": term or " ".join(f.evidence.split())[:40]}
    meta.update(
        context=frame_id,
        context_cue=cue,
        context_reason_id=reason_id.format(**fill),
        context_reason_en=reason_en.format(**fill),
        score_before_context=f"{f.score:.4f}",
    )
    return dataclasses.replace(f, score=round(f.score * factor, 6), meta=meta)


def _follow_words(findings: list[Finding]) -> list[Finding]:
    """The model's whole-text finding of a category whose every word finding was set aside
    by context follows them, for the same reason: the model saw the same words. Withdrawn
    words withdraw it; lowered words (a quoted insult) lower it by the mildest of their
    factors."""
    touched: dict[str, tuple[float, Finding]] = {}
    kept: set[str] = set()
    for f in findings:
        if _kind(f) != "words":
            continue
        if "context" not in f.meta:
            kept.add(f.category)
            continue
        before = float(f.meta.get("score_before_context", 0) or 0)
        factor = f.score / before if before > 0 else 0.0
        old = touched.get(f.category)
        if old is None or factor > old[0]:
            touched[f.category] = (factor, f)
    cats = {c: v for c, v in touched.items() if c not in kept}
    if not cats:
        return findings
    out: list[Finding] = []
    for f in findings:
        src = cats.get(f.category)
        if src is not None and _kind(f) == "model" and "context" not in f.meta:
            factor, word = src
            meta = dict(f.meta)
            meta.update(
                {k: v for k, v in word.meta.items() if k.startswith("context")},
                score_before_context=f"{f.score:.4f}",
            )
            f = dataclasses.replace(f, score=round(f.score * min(factor, 1.0), 6), meta=meta)
        out.append(f)
    return out


def is_withdrawn(f: Finding) -> bool:
    """A finding that context set aside completely (score 0)."""
    return "context" in f.meta and f.score <= 0.0
