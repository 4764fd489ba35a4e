"""The trained classifier as a recognizer: ``bijak.model.v1``.

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
        self.version = f"{NAME}+{model.meta.get('artifact_sha256', 'unsaved')[:12]}"
        self.thresholds = dict(thresholds or {})
        self.default_threshold = default_threshold
        self._thr = np.array(
            [self.thresholds.get(c, default_threshold) for c in self.categories], dtype=np.float64
        )

    @classmethod
    def load_default(cls, thresholds: Mapping[str, float] | None = None) -> ModelRecognizer | None:
        if not DEFAULT_ARTIFACT.with_suffix(".npz").is_file():
            return None
        return cls(LinearModel.load(DEFAULT_ARTIFACT), thresholds=thresholds)

    def _text(self, doc: NormalizedText) -> str:
        return doc.text if self._use_normalized else doc.original

    def scores(self, docs: Sequence[NormalizedText]) -> FloatArray:
        """Calibrated probabilities, shape (len(docs), len(categories))."""
        return self.model.predict_proba([self._text(d) for d in docs])

    def analyze(self, doc: NormalizedText) -> list[Finding]:
        return self.analyze_batch([doc])[0]

    def analyze_batch(self, docs: Sequence[NormalizedText]) -> list[list[Finding]]:
        """Vectorised over a batch: the engine may call this instead of ``analyze``."""
        from bijak.engine.findings import Finding

        if not docs:
            return []
        probs = self.scores(docs)
        out: list[list[Finding]] = []
        for doc, row in zip(docs, probs, strict=True):
            found: list[Finding] = []
            hits = [int(j) for j in np.flatnonzero(row >= self._thr)]
            top = self._top_words(doc, hits) if hits else {}
            for j in hits:
                cat = self.categories[j]
                words = top.get(j, [])
                found.append(
                    Finding(
                        category=cat,
                        start=0,
                        end=len(doc.original),
                        score=float(min(max(row[j], 0.0), 1.0)),
                        recognizer=NAME,
                        evidence=doc.original,  # the span's slice (the whole post)
                        explanation=f"Model memperkirakan peluang '{cat}' sebesar {row[j]:.0%}.",
                        meta={"probability": f"{row[j]:.4f}", "top_words": " | ".join(words)},
                    )
                )
            out.append(found)
        return out

    def _top_words(self, doc: NormalizedText, cats: list[int], k: int = 3) -> dict[int, list[str]]:
        """The (at most ``k``) words of the post that score highest for each category on
        their own, as slices of the original text. Words with 5 or more digits are skipped
        (they may be personal numbers). Computed only for posts with a finding."""
        seen: dict[str, tuple[int, int]] = {}
        for t in doc.tokens:
            if len(t.text) >= 3 and sum(ch.isdigit() for ch in t.text) < 5 and t.text not in seen:
                seen[t.text] = (t.ostart, t.oend)
            if len(seen) >= 64:
                break
        if not seen:
            return {}
        words = list(seen)
        s = self.model.decision_function(words) - self.model.intercepts
        out: dict[int, list[str]] = {}
        for j in cats:
            order = np.argsort(-s[:, j], kind="stable")[:k]
            out[j] = [
                doc.original[seen[words[i]][0] : seen[words[i]][1]] for i in order if s[i, j] > 0
            ]
        return out
