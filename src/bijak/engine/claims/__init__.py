"""Health-hoax claim matching: a knowledge base of debunked claims and a fast fuzzy matcher.

The knowledge base (``health-id.yaml`` in this package, written by the bijak authors, versioned) holds
debunked health claims circulating in Indonesia: an id, the claim in a few paraphrases, the
correct fact in plain Indonesian, and a link to an official or fact-checking page. Officers
can add entries (the site keeps them; ``ClaimKnowledgeBase.with_entries``), and entries
import from ClaimReview JSON (:func:`import_claimreview`).

Matching survives paraphrase, slang and chain-message wrapping: the post is normalised (the
engine's normaliser: slang, leetspeak, look-alikes), cut into windows of one or two
sentences, and each window is compared with the candidate paraphrases (those sharing at least
two content stems, found through an inverted index) by

- the share of the paraphrase's content stems present in the window (coverage), and
- the cosine of character n-gram TF-IDF vectors (3-5 letters inside word boundaries), which
  tolerates affixes, typos and spelling variants;

similarity = sqrt(coverage * cosine). A negation in the window that the paraphrase does not
have ("vaksin TIDAK mengandung chip") halves it. Pure Python, no model: a post without two
shared stems costs a few dict lookups.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from itertools import chain, repeat
from operator import mul, truediv
from typing import TYPE_CHECKING, Any

import yaml

from bijak.engine.sentences import ends_between

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

KB_FILE = "health-id.yaml"
NGRAMS = (3, 4, 5)
STEM = 5
"""Content words are indexed by their first ``STEM`` letters (menyebabkan/sebabkan differ,
but vaksinasi/vaksin, kankernya/kanker meet)."""
MIN_SHARED = 2
MIN_COVERAGE = 0.4
_PREFIXES = (
    ("meng", ""), ("meny", "s"), ("peny", "s"), ("mem", ""), ("men", ""), ("me", ""),
    ("nge", ""), ("ber", ""), ("di", ""), ("ter", ""), ("pe", ""), ("ke", ""),
)  # fmt: skip


class ClaimDataError(ValueError):
    """A knowledge-base file or ClaimReview document that does not follow its format."""


@dataclass(frozen=True, slots=True)
class ClaimEntry:
    id: str
    topic: str
    claims: tuple[str, ...]
    fact: str
    source: str
    origin: str = "bijak"
    """Who wrote it: ``bijak`` (shipped), ``claimreview`` (imported), or an officer's id."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "topic": self.topic,
            "claims": list(self.claims),
            "fact": self.fact,
            "source": self.source,
            "origin": self.origin,
        }


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    entry: ClaimEntry
    paraphrase: str
    similarity: float
    start: int
    end: int


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    """A crude stem: one common prefix off (``menyebabkan`` -> ``sebab``), then ``STEM``
    letters. Good enough for an index; the n-gram cosine does the fine comparison."""
    for p, add in _PREFIXES:
        if word.startswith(p) and len(word) - len(p) >= 4:
            word = add + word[len(p) :]
            break
    return word[:STEM]


@cache
def _lang_words() -> tuple[frozenset[str], frozenset[str]]:
    """Stopwords and negations (language data: ``lang/id/claim_words.yaml``); a negation
    followed by a ``not_negating_after`` word ("jangan mau") is not kept as one."""
    from bijak.engine.normalize import normalize

    path = resources.files("bijak.engine").joinpath("lang", "id", "claim_words.yaml")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    stop = frozenset(t.text for w in data["stopwords"] for t in normalize(str(w)).tokens)
    neg = frozenset(t.text for w in data["negations"] for t in normalize(str(w)).tokens)
    _NOT_NEGATING.update(
        t.text for w in data.get("not_negating_after") or () for t in normalize(str(w)).tokens
    )
    return stop, neg


_NOT_NEGATING: set[str] = set()


def _content(words: Sequence[str]) -> list[str]:
    stop, _ = _lang_words()
    return [w for w in words if w not in stop and (len(w) > 2 or w.isdigit()) and w.isalnum()]


@lru_cache(maxsize=65536)
def content_stem(word: str) -> str | None:
    """``_stem(word)`` when ``_content`` keeps ``word`` (a content word), else ``None``; cached
    per word, so a post's stems cost one lookup per token."""
    stop, _ = _lang_words()
    if word in stop or not (len(word) > 2 or word.isdigit()) or not word.isalnum():
        return None
    return _stem(word)


def content_stems(words: Iterable[str]) -> set[str]:
    """``{_stem(w) for w in _content(words)}``, through the per-word cache."""
    stems = set(map(content_stem, words))
    stems.discard(None)
    return stems  # type: ignore[return-value]


def _post_passes(c: int, n: int) -> bool:
    """``could_match``'s test: ``c`` of a paraphrase's ``n`` stems are in the post."""
    return c >= MIN_SHARED and c >= MIN_COVERAGE * n


def _window_passes(c: int, n: int) -> bool:
    """``match_words``' test (shared stems, then coverage): ``c`` of ``n`` in the window."""
    return c >= MIN_SHARED and not c / max(n, 1) < MIN_COVERAGE


def _least_count(ok: Callable[[int, int], bool], n: int) -> int:
    """The smallest count ``c`` in ``0..n`` with ``ok(c, n)`` (``ok`` grows with ``c``), or
    ``n + 1`` when there is none."""
    return next((c for c in range(n + 1) if ok(c, n)), n + 1)


@lru_cache(maxsize=65536)
def _word_grams(word: str) -> tuple[str, ...]:
    padded = f"<{word}>"
    return tuple(padded[i : i + n] for n in NGRAMS for i in range(len(padded) - n + 1))


def _ngrams(words: Sequence[str]) -> Counter[str]:
    # one count over every word's grams: the same counts in the same (first seen) order
    return Counter(chain.from_iterable(map(_word_grams, words)))


def _normal_words(text: str) -> list[str]:
    from bijak.engine.normalize import normalize

    return [t.text for t in normalize(text).tokens]


@dataclass(frozen=True, slots=True)
class _Para:
    entry: ClaimEntry
    text: str
    stems: frozenset[str]
    vector: Mapping[str, float]
    negated: bool
    negated_stems: frozenset[str]


class ClaimKnowledgeBase:
    """Debunked claims, indexed for matching. Immutable: ``with_entries`` returns a new one."""

    def __init__(self, entries: Iterable[ClaimEntry], *, name: str = "", version: str = "") -> None:
        self.entries: tuple[ClaimEntry, ...] = tuple(entries)
        self.name = name or "bijak.claims.custom"
        self.version = version or "0"
        ids = [e.id for e in self.entries]
        if len(ids) != len(set(ids)):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            raise ClaimDataError(f"duplicate claim ids: {', '.join(dup)}")
        _, neg = _lang_words()
        raw: list[tuple[ClaimEntry, str, list[str], Counter[str], frozenset[str]]] = []
        df: Counter[str] = Counter()
        for e in self.entries:
            for text in e.claims:
                words = _normal_words(text)
                content = _content(words)
                grams = _ngrams(content)
                df.update(grams.keys())
                raw.append((e, text, content, grams, _negated_stems(words, neg)))
        n = max(len(raw), 1)
        self._idf = {g: math.log((1 + n) / (1 + c)) + 1.0 for g, c in df.items()}
        self._default_idf = math.log(1 + n) + 1.0
        self._paras: list[_Para] = []
        self._index: dict[str, list[int]] = {}
        for e, text, content, grams, negated in raw:
            para = _Para(
                e,
                text,
                frozenset(_stem(w) for w in content),
                self._vec(grams),
                bool(negated),
                negated,
            )
            k = len(self._paras)
            self._paras.append(para)
            for s in para.stems:
                self._index.setdefault(s, []).append(k)
        # Per paraphrase, the fewest shared stems that pass each test (the tests exactly as
        # written in could_match and match_words; both grow with the count): a post or window
        # is counted up to the first paraphrase that reaches it.
        self._need_post = [_least_count(_post_passes, len(p.stems)) for p in self._paras]
        self._need_window = [_least_count(_window_passes, len(p.stems)) for p in self._paras]

    @property
    def stems(self) -> frozenset[str]:
        """Every stem some paraphrase holds."""
        return frozenset(self._index)

    def _reaches(self, stems: Iterable[str], need: Sequence[int]) -> bool:
        hits: dict[int, int] = {}
        index = self._index
        for s in stems:
            for k in index.get(s, ()):
                c = hits.get(k, 0) + 1
                if c >= need[k]:
                    return True
                hits[k] = c
        return False

    def window_could_match(self, stems: Iterable[str]) -> bool:
        """Whether some paraphrase shares enough of ``stems`` (a window's content stems) to be
        compared at all in :meth:`match_words` (which finds nothing otherwise)."""
        return self._reaches(stems, self._need_window)

    def __len__(self) -> int:
        return len(self.entries)

    def could_match(self, stems: set[str]) -> bool:
        """Whether some paraphrase has enough of its stems among ``stems`` (a whole post) to
        reach the coverage a match needs in any window of it (a cheap prefilter)."""
        return self._reaches(stems, self._need_post)

    def with_entries(self, entries: Iterable[ClaimEntry]) -> ClaimKnowledgeBase:
        """This knowledge base plus ``entries`` (an entry with a known id replaces it)."""
        extra = {e.id: e for e in entries}
        merged = [extra.pop(e.id, e) for e in self.entries] + list(extra.values())
        return ClaimKnowledgeBase(merged, name=self.name, version=f"{self.version}+{len(merged)}")

    def _vec(self, grams: Mapping[str, int]) -> dict[str, float]:
        # the plain loops' operations in the same order (same floats), run by map()
        keys = list(grams)
        vals = list(map(mul, grams.values(), map(self._idf.get, keys, repeat(self._default_idf))))
        norm = math.sqrt(sum(map(mul, vals, vals))) or 1.0
        return dict(zip(keys, map(truediv, vals, repeat(norm)), strict=True))

    @staticmethod
    def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
        """``sum(v * other.get(g, 0.0))`` over the smaller vector, run by map() (the same
        products in the same order: the same float)."""
        small, other = (a, b) if len(a) < len(b) else (b, a)
        total: float = sum(map(mul, small.values(), map(other.get, small, repeat(0.0))))
        return total

    def match_words(
        self, words: Sequence[str], spans: Sequence[tuple[int, int]], threshold: float
    ) -> list[ClaimMatch]:
        """Best match per entry over windows of ``words`` (token texts with original spans
        ``spans``, cut at sentence ends beforehand by the caller) at or above ``threshold``."""
        _, neg = _lang_words()
        stems = content_stems(words)
        hits: Counter[int] = Counter()
        for s in stems:
            for k in self._index.get(s, ()):
                hits[k] += 1
        # in paraphrase order, not the stems' set order (which changes with the hash seed):
        # of two paraphrases of an entry with the same similarity, the first is reported
        cands = sorted(k for k, c in hits.items() if c >= MIN_SHARED)
        if not cands:
            return []
        window_stems = stems
        vec: dict[str, float] | None = None  # computed for the first candidate it is needed for
        negated_stems: frozenset[str] = frozenset()
        best: dict[str, ClaimMatch] = {}
        start, end = spans[0][0], spans[-1][1]
        for k in cands:
            para = self._paras[k]
            coverage = len(para.stems & window_stems) / max(len(para.stems), 1)
            if coverage < MIN_COVERAGE:
                continue
            if vec is None:
                vec = self._vec(_ngrams(_content(words)))
                # a negation right before a word of the claim ("vaksin TIDAK mengandung chip")
                negated_stems = _negated_stems(words, neg)
            pv = para.vector
            cos = self.cosine(vec, pv)
            # the window is usually longer than the claim: compare with the part that matters
            sim = math.sqrt(coverage * min(1.0, cos * _length_boost(len(vec), len(pv))))
            if (para.negated and negated_stems.isdisjoint(para.negated_stems)) or (
                not para.negated and not negated_stems.isdisjoint(para.stems)
            ):
                sim *= 0.5  # the window says the opposite of the claim
            if sim >= threshold:
                old = best.get(para.entry.id)
                if old is None or sim > old.similarity:
                    best[para.entry.id] = ClaimMatch(para.entry, para.text, sim, start, end)
        return sorted(best.values(), key=lambda m: -m.similarity)


def _negated_stems(words: Sequence[str], neg: frozenset[str]) -> frozenset[str]:
    """Stems of the three words after each negation ("tidak bisa disembuhkan": bisa, sembu)."""
    return frozenset(
        _stem(words[j])
        for i in range(len(words) - 1)
        if words[i] in neg and words[i + 1] not in _NOT_NEGATING
        for j in range(i + 1, min(len(words), i + 4))
    )


def _length_boost(window_grams: int, para_grams: int) -> float:
    """Cosine falls when the window holds more than the claim (a chain message wraps it);
    scale it back by the square root of the size ratio, capped."""
    if window_grams <= para_grams:
        return 1.0
    return min(2.5, math.sqrt(window_grams / max(para_grams, 1)))


def parse_kb(text: str, file: str = "<string>") -> ClaimKnowledgeBase:
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise ClaimDataError(f"{file}: needs a 'claims' list")
    if "written by the bijak authors" not in text.lower():
        raise ClaimDataError(f"{file}: header must say it was written by the bijak authors")
    entries = [_entry(raw, f"{file}: claims[{i}]") for i, raw in enumerate(data["claims"])]
    return ClaimKnowledgeBase(
        entries, name=str(data.get("name", "")), version=str(data.get("version", ""))
    )


def _entry(raw: Any, where: str, origin: str = "bijak") -> ClaimEntry:
    if not isinstance(raw, dict):
        raise ClaimDataError(f"{where}: not a mapping")
    for key in ("id", "claims", "fact", "source"):
        if not raw.get(key):
            raise ClaimDataError(f"{where}: missing '{key}'")
    claims = raw["claims"]
    if isinstance(claims, str):
        claims = [claims]
    source = str(raw["source"])
    if not source.startswith(("https://", "http://")):
        raise ClaimDataError(f"{where}: 'source' must be a link")
    return ClaimEntry(
        id=str(raw["id"]),
        topic=str(raw.get("topic", "")),
        claims=tuple(str(c).strip() for c in claims if str(c).strip()),
        fact=" ".join(str(raw["fact"]).split()),
        source=source,
        origin=str(raw.get("origin", origin)),
    )


@cache
def load_default_kb() -> ClaimKnowledgeBase:
    path = resources.files("bijak.engine.claims").joinpath(KB_FILE)
    return parse_kb(path.read_text(encoding="utf-8"), f"claims/{KB_FILE}")


FALSE_RATINGS = (
    "salah", "keliru", "hoaks", "hoax", "palsu", "bohong", "disinformasi", "misinformasi",
    "menyesatkan", "konten yang menyesatkan", "konten palsu", "konten yang dimanipulasi",
    "false", "misleading", "fake", "incorrect", "pants on fire", "mostly false", "distorted",
    "sebagian benar",
)  # fmt: skip
"""ClaimReview ratings that mean the claim should not be spread (case-insensitive)."""


def import_claimreview(
    document: str | bytes | Mapping[str, Any] | Sequence[Any],
) -> list[ClaimEntry]:
    """Knowledge-base entries from ClaimReview JSON.

    Accepts schema.org ``ClaimReview`` objects (one, a list, or an ``@graph``) and the Google
    Fact Check Tools ``claims:search`` answer (``{"claims": [{"text", "claimReview": [...]}]}``).
    Only claims rated false or misleading are imported. ``fact`` is the review's
    ``reviewBody``/``description``/``title`` (or its rating); ``source`` its ``url``.
    """
    data: Any = json.loads(document) if isinstance(document, str | bytes) else document
    items: list[Mapping[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for n in node:
                walk(n)
        elif isinstance(node, Mapping):
            if "@graph" in node:
                walk(node["@graph"])
            elif "claims" in node and isinstance(node["claims"], list):
                for c in node["claims"]:
                    for review in c.get("claimReview") or ():
                        items.append(
                            {
                                "claimReviewed": c.get("text", ""),
                                "url": review.get("url", ""),
                                "rating": review.get("textualRating", ""),
                                "fact": review.get("title", ""),
                            }
                        )
            elif str(node.get("@type", "")).lower() == "claimreview":
                rating = node.get("reviewRating") or {}
                items.append(
                    {
                        "claimReviewed": node.get("claimReviewed", ""),
                        "url": node.get("url", ""),
                        "rating": rating.get("alternateName", "")
                        if isinstance(rating, Mapping)
                        else "",
                        "fact": node.get("reviewBody")
                        or node.get("description")
                        or node.get("headline")
                        or node.get("name")
                        or "",
                    }
                )
        # anything else is ignored

    walk(data)
    if not items:
        raise ClaimDataError("no ClaimReview found in the document")
    out: list[ClaimEntry] = []
    for it in items:
        claim = " ".join(str(it["claimReviewed"]).split())
        url = str(it["url"])
        rating = " ".join(str(it["rating"]).lower().split())
        if not claim or not url.startswith(("https://", "http://")):
            continue
        if not any(r == rating or rating.startswith(r) for r in FALSE_RATINGS):
            continue
        fact = " ".join(str(it["fact"]).split()) or str(it["rating"])
        digest = hashlib.sha256(f"{url}\n{claim}".encode()).hexdigest()[:12]
        out.append(
            ClaimEntry(
                id=f"cr-{digest}",
                topic="claimreview",
                claims=(claim,),
                fact=fact,
                source=url,
                origin="claimreview",
            )
        )
    return out


def sentence_windows(doc: NormalizedText) -> list[tuple[list[str], list[tuple[int, int]]]]:
    """Windows of one and two consecutive sentences: (token texts, original spans)."""
    tokens = doc.tokens
    text = doc.original
    sentences: list[list[int]] = []
    current: list[int] = []
    for i, tok in enumerate(tokens):
        if current and ends_between(text, tokens[current[-1]].oend, tok.ostart):
            sentences.append(current)
            current = []
        current.append(i)
    if current:
        sentences.append(current)
    out: list[tuple[list[str], list[tuple[int, int]]]] = []
    for k, sent in enumerate(sentences):
        groups = [sent]
        if k + 1 < len(sentences):
            groups.append(sent + sentences[k + 1])
        for g in groups:
            out.append(
                ([tokens[i].text for i in g], [(tokens[i].ostart, tokens[i].oend) for i in g])
            )
    return out
