"""The multi-category hashed linear classifier (training side; scikit-learn is used here only).

``HashedLinearClassifier.fit(texts, Y)`` takes ``Y`` of shape (n, k) with 1/0 for a label and
-1 where the row's source did not label that category; each category gets its own
NB-weighted logistic regression on the rows that carry its label, and Platt scaling fitted on
out-of-fold scores (grouped by text, so duplicates never straddle a fold). The result is a
:class:`bijak.engine.recognizers.model.LinearModel`, which needs only numpy/scipy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.svm import LinearSVC

from bijak.engine.models.linear import HashedFeatures, LinearModel, weigh


def _nb_ratio(x: sp.csr_matrix, y: np.ndarray, alpha: float) -> np.ndarray:
    p = np.asarray(x[y == 1].sum(axis=0)).ravel() + alpha
    q = np.asarray(x[y == 0].sum(axis=0)).ravel() + alpha
    return np.log((p / p.sum()) / (q / q.sum())).astype(np.float32)


def _platt(scores: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[float, float]:
    """Fit p = 1 / (1 + exp(a*s + b)) (Platt 1999, with his target smoothing)."""
    n_pos = float((y == 1).sum())
    n_neg = float((y == 0).sum())
    t = np.where(y == 1, (n_pos + 1) / (n_pos + 2), 1 / (n_neg + 2))
    lr = LogisticRegression(C=1e6, solver="lbfgs", max_iter=1000)
    # LogisticRegression needs hard labels: duplicate each row with weights t and 1-t.
    s = np.concatenate([scores, scores]).reshape(-1, 1)
    yy = np.concatenate([np.ones_like(y), np.zeros_like(y)])
    w = np.concatenate([t * weight, (1 - t) * weight])
    lr.fit(s, yy, sample_weight=w)
    return float(-lr.coef_[0, 0]), float(-lr.intercept_[0])


class HashedLinearClassifier:
    """Hyper-parameters only here; learned state ends in ``_`` (scikit-learn contract)."""

    def __init__(
        self,
        categories: Sequence[str],
        *,
        bits: int = 22,
        char_ngrams: tuple[int, int] = (2, 5),
        word_ngrams: tuple[int, int] = (1, 2),
        min_df: int = 2,
        C: float = 1.0,
        loss: str = "svm",
        nb: bool = True,
        nb_alpha: float = 1.0,
        class_weight: str | None = None,
        calibration_folds: int = 3,
        random_state: int = 0,
    ) -> None:
        self.categories = categories
        self.bits = bits
        self.char_ngrams = char_ngrams
        self.word_ngrams = word_ngrams
        self.min_df = min_df
        self.C = C
        self.loss = loss
        self.nb = nb
        self.nb_alpha = nb_alpha
        self.class_weight = class_weight
        self.calibration_folds = calibration_folds
        self.random_state = random_state

    def get_params(self) -> dict[str, Any]:
        return {
            "categories": list(self.categories),
            "bits": self.bits,
            "char_ngrams": list(self.char_ngrams),
            "word_ngrams": list(self.word_ngrams),
            "min_df": self.min_df,
            "C": self.C,
            "loss": self.loss,
            "nb": self.nb,
            "nb_alpha": self.nb_alpha,
            "class_weight": self.class_weight,
            "calibration_folds": self.calibration_folds,
            "random_state": self.random_state,
        }

    def _fit_one(
        self, x: sp.csr_matrix, y: np.ndarray, w: np.ndarray | None = None
    ) -> tuple[np.ndarray, float]:
        r = _nb_ratio(x, y, self.nb_alpha) if self.nb else np.ones(x.shape[1], dtype=np.float32)
        xr = x @ sp.diags(r) if self.nb else x
        clf: LinearSVC | LogisticRegression
        if self.loss == "svm":
            clf = LinearSVC(
                C=self.C,
                class_weight=self.class_weight,
                random_state=self.random_state,
                max_iter=5000,
            )
        else:
            clf = LogisticRegression(
                C=self.C,
                solver="liblinear",
                max_iter=2000,
                class_weight=self.class_weight,
                random_state=self.random_state,
            )
        clf.fit(xr, y, sample_weight=w)
        return (clf.coef_[0] * r).astype(np.float32), float(clf.intercept_[0])

    def fit(
        self,
        texts: Sequence[str],
        Y: np.ndarray,
        groups: Sequence[str] | None = None,
        sample_weight: np.ndarray | None = None,
    ) -> HashedLinearClassifier:
        """``sample_weight`` (n,) or (n, k) weighs rows in the classifiers and calibration."""
        Y = np.asarray(Y)
        k = len(self.categories)
        if Y.ndim != 2 or Y.shape != (len(texts), k):
            raise ValueError(f"Y must have shape ({len(texts)}, {k}), got {Y.shape}")
        if not np.isin(Y, (-1, 0, 1)).all():
            raise ValueError("Y holds only 1, 0 or -1 (not labelled)")
        if self.min_df < 1 or not 8 <= self.bits <= 28:
            raise ValueError("min_df >= 1 and 8 <= bits <= 28")
        if self.loss not in ("svm", "logistic"):
            raise ValueError(f"loss is 'svm' or 'logistic', not {self.loss!r}")
        sw = np.ones((len(texts), k)) if sample_weight is None else np.asarray(sample_weight, float)
        if sw.ndim == 1:
            sw = np.repeat(sw[:, None], k, axis=1)
        if sw.shape != (len(texts), k):
            raise ValueError(
                f"sample_weight must have shape ({len(texts)},) or ({len(texts)}, {k})"
            )
        groups_arr = np.asarray(groups if groups is not None else np.arange(len(texts)))
        features = HashedFeatures(self.bits, tuple(self.char_ngrams), tuple(self.word_ngrams))
        counts = _counts_chunked(features, texts)
        df = np.bincount(counts.indices, minlength=counts.shape[1])
        kept = np.flatnonzero(df >= self.min_df)
        n = counts.shape[0]
        idf = (np.log((1 + n) / (1 + df[kept])) + 1).astype(np.float32)
        # The shipped model stores IDF as float16: train on the same rounded values.
        idf = idf.astype(np.float16).astype(np.float32)
        x = weigh(counts[:, kept], idf)
        weights = np.zeros((kept.shape[0], k), dtype=np.float32)
        intercepts = np.zeros(k, dtype=np.float32)
        platt = np.zeros((k, 2), dtype=np.float32)
        self.oof_scores_: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        # (row indices into ``texts``, out-of-fold scores, labels) per category
        self.oof_: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        for j, cat in enumerate(self.categories):
            rows = np.flatnonzero(Y[:, j] >= 0)
            y = Y[rows, j]
            if rows.size == 0 or y.min() == y.max():
                raise ValueError(f"category {cat!r} needs both positive and negative rows")
            xc = x[rows]
            wc = sw[rows, j]
            oof = np.zeros(rows.shape[0])
            cv = StratifiedGroupKFold(
                n_splits=self.calibration_folds, shuffle=True, random_state=self.random_state
            )
            for tr, te in cv.split(xc, y, groups_arr[rows]):
                w, b = self._fit_one(xc[tr], y[tr], wc[tr])
                oof[te] = xc[te] @ w + b
            a, bb = _platt(oof, y, wc)
            w, b = self._fit_one(xc, y, wc)
            weights[:, j] = w
            intercepts[j] = b
            platt[j] = (a, bb)
            self.oof_scores_[cat] = (oof, y)
            self.oof_[cat] = (rows, oof, y)
        self.model_ = LinearModel(
            features=features,
            categories=tuple(self.categories),
            buckets=kept.astype(np.int64),
            idf=idf,
            weights=weights,
            intercepts=intercepts,
            platt=platt,
        ).quantized()
        return self


def _counts_chunked(
    features: HashedFeatures, texts: Sequence[str], chunk: int = 2000
) -> sp.csr_matrix:
    parts = [features.counts(texts[i : i + chunk]) for i in range(0, len(texts), chunk)]
    return (
        sp.csr_matrix(sp.vstack(parts, format="csr"))
        if parts
        else sp.csr_matrix((0, 1 << features.bits))
    )
