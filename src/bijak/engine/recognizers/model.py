"""The trained classifier as a recognizer (registry name ``bijak.model.v1``; the shipped
artifact is ``bijak.model.v2``, recorded in :attr:`ModelRecognizer.version`).

One document-level finding per category whose calibrated probability reaches the category's
review threshold. The numbers and the feature code live in :mod:`bijak.engine.models.linear`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from bijak.engine.models.linear import DEFAULT_ARTIFACT, NAME, FloatArray, LinearModel

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.findings import Finding
    from bijak.engine.normalize import NormalizedText

__all__ = ["NAME", "ModelRecognizer"]


class ModelRecognizer:
    """One document-level finding per category whose calibrated probability passes its
    review threshold (``thresholds``; categories not listed use ``default_threshold``)."""

    name = NAME

    def __init__(
        self,
        model: LinearModel,
        thresholds: Mapping[str, float] | None = None,
        default_threshold: float = 0.5,
    ) -> None:
        self.model = model
        self.categories: tuple[str, ...] = model.categories
        # Features must see the same text as in training: the engine's normalised text, or
        # the original when the artifact was trained without the engine's normaliser.
        self._use_normalized = model.meta.get("normalizer", "none") != "none"
        self.version = (
            f"{model.meta.get('name', NAME)}+{model.meta.get('artifact_sha256', 'unsaved')[:12]}"
        )
        self._word_cache: dict[str, FloatArray] = {}
        self.thresholds = dict(thresholds or {})
        self.default_threshold = default_threshold
        self._thr = np.array(
            [self.thresholds.get(c, default_threshold) for c in self.categories], dtype=np.float64
        )
        # Tuned verdict cut-offs (bijak.model.v2): the probability ``cutoff[c]`` at which a
        # category should reach a verdict is mapped onto the score ``anchor[c]`` (the
        # policy's breach threshold at training time), linearly on each side, so the same
        # policy thresholds apply to every category whatever its calibration.
        cut = model.meta.get("verdict_cutoffs") or {}
        anchor = model.meta.get("verdict_anchors") or {}
        self._cut = np.array([float(cut.get(c, 0.0)) for c in self.categories])
        self._anchor = np.array([float(anchor.get(c, 0.0)) for c in self.categories])
        self._remap = bool(cut) and bool(
            ((self._cut > 0) & (self._cut < 1) & (self._anchor > 0) & (self._anchor < 1)).any()
        )

    @classmethod
    def load_default(cls, thresholds: Mapping[str, float] | None = None) -> ModelRecognizer | None:
        if not DEFAULT_ARTIFACT.with_suffix(".npz").is_file():
            return None
        return cls(LinearModel.load(DEFAULT_ARTIFACT), thresholds=thresholds)

    def _text(self, doc: NormalizedText) -> str:
        return doc.text if self._use_normalized else doc.original

    def probabilities(self, docs: Sequence[NormalizedText]) -> FloatArray:
        """Calibrated probabilities, shape (len(docs), len(categories))."""
        return self.model.predict_proba([self._text(d) for d in docs])

    def scores(self, docs: Sequence[NormalizedText]) -> FloatArray:
        """Finding scores: the probabilities, with tuned cut-offs mapped onto the anchors."""
        return self.rescale(self.probabilities(docs))

    def rescale(self, p: FloatArray) -> FloatArray:
        """Monotone, piecewise linear: [0, cutoff] -> [0, anchor], [cutoff, 1] -> [anchor, 1]
        per category (identity where the artifact has no cut-off)."""
        if not self._remap:
            return p
        ok = (self._cut > 0) & (self._cut < 1) & (self._anchor > 0) & (self._anchor < 1)
        cut = np.where(ok, self._cut, 0.5)
        anchor = np.where(ok, self._anchor, 0.5)
        low = p * (anchor / cut)
        high = anchor + (p - cut) * ((1 - anchor) / (1 - cut))
        return np.asarray(np.where(p < cut, low, high), dtype=np.float64)

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        return self.analyze_batch([doc])[0]

    def analyze_batch(
        self, docs: Sequence[NormalizedText], *, top_words: bool = True
    ) -> list[list[Finding]]:
        """Vectorised over a batch (bulk mode): the engine calls this instead of ``analyze``.
        Each finding names its top words (issue 10, item 9): the words of the post with the
        largest contribution to the category's score, in ``meta["top_words"]`` and in its
        explanation. They are computed only for posts with a finding (a few percent of
        ordinary posts), so single and batch results stay identical and bulk scans barely
        slow down; ``top_words=False`` leaves them out."""
        return self.findings_and_scores(docs, top_words=top_words)[0]

    def findings_and_scores(
        self, docs: Sequence[NormalizedText], *, top_words: bool = True
    ) -> tuple[list[list[Finding]], FloatArray]:
        """:meth:`analyze_batch` and the rescaled scores of every category (rows: docs,
        columns: ``categories``), which the model gate reads."""
        from bijak.engine.findings import Finding

        if not docs:
            return [], np.zeros((0, len(self.categories)))
        raw = self.probabilities(docs)
        probs = self.rescale(raw)
        hits: list[list[int]] = [[] for _ in docs]  # the categories found, post by post
        rows, cols = np.nonzero(probs >= self._thr)  # row-major: categories in order
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            hits[i].append(j)
        top = self._top_words(docs, hits) if top_words else {}
        out: list[list[Finding]] = []
        for i, doc in enumerate(docs):
            found: list[Finding] = []
            for j in hits[i]:
                cat = self.categories[j]
                words = top.get((i, j), [])
                explanation = f"Model memperkirakan peluang '{cat}' sebesar {raw[i, j]:.0%}."
                if words:
                    quoted = ", ".join(f"'{w}'" for w in words)
                    explanation += f" Kata yang paling berpengaruh: {quoted}."
                found.append(
                    Finding(
                        category=cat,
                        start=0,
                        end=len(doc.original),
                        score=float(min(max(probs[i, j], 0.0), 1.0)),
                        recognizer=NAME,
                        evidence=doc.original,  # the span's slice (the whole post)
                        explanation=explanation,
                        meta={"probability": f"{raw[i, j]:.4f}"}
                        | ({"top_words": " | ".join(words)} if words else {}),
                    )
                )
            out.append(found)
        return out, probs

    def _top_words(
        self, docs: Sequence[NormalizedText], hits: list[list[int]], k: int = 3
    ) -> dict[tuple[int, int], list[str]]:
        """For each (post, category) found: the (at most ``k``) words of the post with the
        largest positive contribution to the category's score, as slices of the original
        text. The model is linear in the hashed features, and a word's own features (the word
        and its character n-grams) are what it adds to the post's score, so a word's
        contribution is its score on its own, less the intercept. Words with a digit are
        skipped (they may be parts of personal numbers), and so are capitalised words inside
        a sentence (names of people and places, which may be personal data). One batched call
        for all posts with a finding."""
        spans: list[tuple[str, int, int]] = []  # (word, ostart, oend), post by post
        ranges: list[tuple[int, int, int]] = []  # (post, its first span, its span end)
        for i, doc in enumerate(docs):
            if not hits[i]:
                continue
            first = len(spans)
            text = doc.original
            seen: set[str] = set()
            for word, _, _, ostart, oend in doc.tokens:
                if len(word) < 3 or word in seen:
                    continue
                original = text[ostart:oend]
                if (
                    not _has_digit(original)
                    and not _has_digit(word)
                    and not _name_like(text, ostart, original)
                ):
                    seen.add(word)
                    spans.append((word, ostart, oend))
                    if len(seen) >= 64:
                        break
            if len(spans) > first:
                ranges.append((i, first, len(spans)))
        if not spans:
            return {}
        s = self._word_scores([w for w, _, _ in spans])
        out: dict[tuple[int, int], list[str]] = {}
        for i, lo, hi in ranges:
            text = docs[i].original
            for j in hits[i]:
                col = s[lo:hi, j]
                order = np.argsort(-col, kind="stable")[:k]
                out[(i, j)] = [
                    text[spans[lo + r][1] : spans[lo + r][2]] for r in order if col[r] > 0
                ]
        return out

    def _word_scores(self, words: Sequence[str]) -> FloatArray:
        """Each word's score on its own, less the intercepts (rows in ``words`` order). A
        word's score depends on the word alone, so scores are kept per word (up to
        ``_WORD_CACHE`` words, then the cache starts again): bulk scans see the same words
        over and over."""
        cache = self._word_cache  # shared by threads: read once into ``known``
        known = {w: r for w in set(words) if (r := cache.get(w)) is not None}
        new = [w for w in dict.fromkeys(words) if w not in known]
        if new:
            rows = self.model.decision_function(new) - self.model.intercepts
            known.update(zip(new, rows, strict=True))
            if len(cache) + len(new) > _WORD_CACHE:
                cache.clear()
            cache.update(zip(new, rows, strict=True))
        return np.array([known[w] for w in words], dtype=np.float64)


_WORD_CACHE = 50_000


def _has_digit(word: str) -> bool:
    """Whether a character of ``word`` is a digit (``str.isdigit``; letters never are)."""
    return not word.isalpha() and any(map(str.isdigit, word))


def _name_like(text: str, start: int, word: str) -> bool:
    """A capitalised word (``Sarmin``, not ``BPJS``) that does not open a sentence."""
    if not (word[:1].isupper() and any(map(str.islower, word[1:]))):
        return False
    j = start - 1  # the last character before the word that is not white space
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] not in ".!?:\n\"'("
