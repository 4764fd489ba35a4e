"""Runtime of the trained classifier (used by the recognizer and by training). The recognizer's
registry name stays ``bijak.model.v1``; the shipped artifact is ``bijak.model.v2`` (its name is
in the artifact's JSON and in the recognizer's version).

Pure numpy/scipy at inference (no scikit-learn, no torch). A post is turned into hashed
features (word uni/bi-grams and character n-grams inside word boundaries, hashed with a fixed
64-bit polynomial hash, so no vocabulary of raw strings is stored), scored by one linear model
per category and mapped to a calibrated probability (Platt scaling fitted on held-out folds).

The artifact (``bijak/engine/models/bijak-model-v2.npz`` + ``.json``) holds only numbers:
the hashed bucket ids kept in training, their IDF and per-category weights (int8, scaled),
intercepts and calibration pairs. The JSON holds provenance (data sets and SHA-256 of each
file, code version, hyper-parameters, metrics) and the tuned per-category verdict cut-offs.

The feature code here is the single source of truth: training (``bijak.ml``) imports it, so
features are identical in training and inference.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

NAME = "bijak.model.v1"
MODELS_DIR = Path(__file__).resolve().parent
DEFAULT_ARTIFACT = MODELS_DIR / "bijak-model-v2"

U64 = np.uint64
_P = 0x100000001B3  # odd multiplier of the polynomial hash (FNV prime)
_P_INV = pow(_P, -1, 1 << 64)
_MASK64 = (1 << 64) - 1
_SEP = "\x01"

_URL = re.compile(r"(?:https?://|www\.)\S+")
_MENTION = re.compile(r"@\w+")
_ESC_NL = re.compile(r"\\n|\\t|\\r")
# a run of [\W_]+ (to become one space), except a run that already is one space (before a
# letter, a digit or the end): the same result as replacing every run, with far fewer
# replacements
_NONWORD = re.compile(r"(?! (?:[^\W_]|\Z))[\W_]+")
_REPEAT = re.compile(r"(.)\1\1+")  # as (.)\1{2,}, which Python's re finds more slowly

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


def prep(text: str) -> str:
    """Cheap, deterministic clean-up applied before hashing (after the engine's normaliser).

    Lower-case; URLs -> ``url``; @mentions -> ``user``; escaped newlines removed; runs of
    three or more identical characters cut to two; everything that is not a letter or digit
    becomes a single space.
    """
    t = text.casefold()
    # each substitution runs only where it can match (the cheap tests are exact)
    if "\\" in t:
        t = _ESC_NL.sub(" ", t)
    if "http" in t or "www." in t:
        t = _URL.sub(" url ", t)
    if "@" in t:
        t = _MENTION.sub(" user ", t)
    t = _REPEAT.sub(r"\1\1", t)
    t = _NONWORD.sub(" ", t)
    return t.strip()


def _mix(h: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """splitmix64 finaliser (vectorised, wraps modulo 2**64); overwrites and returns ``h``."""
    t = h >> U64(30)
    h ^= t
    h *= U64(0xBF58476D1CE4E5B9)
    np.right_shift(h, U64(27), out=t)
    h ^= t
    h *= U64(0x94D049BB133111EB)
    np.right_shift(h, U64(31), out=t)
    h ^= t
    return h


@dataclass(frozen=True, slots=True)
class HashedFeatures:
    """Hashing featuriser: word n-grams and char n-grams within word boundaries.

    ``bits``: 2**bits hash buckets; ``char_ngrams``: (min, max) characters, words padded with
    one space each side as scikit-learn's ``char_wb``; ``word_ngrams``: (1, 1) or (1, 2).
    """

    bits: int = 22
    char_ngrams: tuple[int, int] = (2, 5)
    word_ngrams: tuple[int, int] = (1, 2)

    def hash_batch(
        self, texts: Sequence[str], *, prepared: bool = False
    ) -> tuple[IntArray, IntArray, npt.NDArray[np.bool_]]:
        """Return ``(doc, bucket, is_word)`` arrays, one entry per feature occurrence."""
        docs = list(texts) if prepared else [prep(t) for t in texts]
        big = _SEP + _SEP.join(" " + d + " " for d in docs) + _SEP
        c = np.frombuffer(big.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
        n_pos = c.shape[0]
        lens = np.fromiter((len(d) + 3 for d in docs), dtype=np.int64, count=len(docs))
        doc_of = np.empty(n_pos, dtype=np.int64)
        doc_of[0] = 0
        doc_of[1:] = (
            np.repeat(np.arange(len(docs), dtype=np.int64), lens)[: n_pos - 1] if docs else 0
        )
        is_sp = c == 32
        is_sep = c == 1
        is_w = ~(is_sp | is_sep)
        pw = np.full(n_pos, _P, dtype=np.uint64)
        pw[0] = 1
        pw = np.cumprod(pw, dtype=np.uint64)
        ipw = np.full(n_pos, _P_INV, dtype=np.uint64)
        ipw[0] = 1
        ipw = np.cumprod(ipw, dtype=np.uint64)
        pref = np.zeros(n_pos + 1, dtype=np.uint64)
        np.cumsum((c + U64(0x9E3779B9)) * pw, dtype=np.uint64, out=pref[1:])
        csp = np.concatenate(([0], np.cumsum(is_sp, dtype=np.int64)))
        csep = np.concatenate(([0], np.cumsum(is_sep, dtype=np.int64)))
        cw = np.concatenate(([0], np.cumsum(is_w, dtype=np.int64)))

        out_doc: list[IntArray] = []
        out_hash: list[npt.NDArray[np.uint64]] = []
        out_word: list[npt.NDArray[np.bool_]] = []
        lo, hi = self.char_ngrams
        for n in range(lo, hi + 1):
            if n_pos < n:
                continue
            # windows [i, i + n) for i < m: no separator, a word character, and (n > 2) no
            # space inside (only at the ends, as scikit-learn's char_wb pads words)
            m = n_pos - n + 1
            ok = csep[n:] == csep[:m]
            ok &= cw[n:] != cw[:m]
            if n > 2:
                ok &= csp[n - 1 : n_pos] == csp[1 : m + 1]
            i = np.flatnonzero(ok)
            h = pref[i + n]
            h -= pref[i]
            h *= ipw[i]
            h ^= U64(n * 0x51ED27)
            out_hash.append(_mix(h))
            out_doc.append(doc_of[i])
            out_word.append(np.zeros(i.shape[0], dtype=np.bool_))

        prev_w = np.concatenate(([False], is_w[:-1]))
        next_w = np.concatenate((is_w[1:], [False]))
        starts = np.flatnonzero(is_w & ~prev_w)
        ends = np.flatnonzero(is_w & ~next_w) + 1
        wh = _mix((pref[ends] - pref[starts]) * ipw[starts] ^ U64(0xA5A5A5A5))
        wdoc = doc_of[starts]
        wlo, whi = self.word_ngrams
        if wlo <= 1 <= whi:
            out_hash.append(_mix(wh ^ U64(0x1234567)))
            out_doc.append(wdoc)
            out_word.append(np.ones(wh.shape[0], dtype=np.bool_))
        if whi >= 2 and wh.shape[0] > 1:
            same = wdoc[1:] == wdoc[:-1]
            bh = _mix(wh[:-1] * U64(0x9E3779B97F4A7C15) + wh[1:])[same]
            out_hash.append(_mix(bh ^ U64(0x7654321)))
            out_doc.append(wdoc[1:][same])
            out_word.append(np.ones(bh.shape[0], dtype=np.bool_))
        if not out_hash:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, np.zeros(0, dtype=np.bool_)
        hashes = np.concatenate(out_hash)
        buckets = (hashes >> U64(64 - self.bits)).astype(np.int64)
        return np.concatenate(out_doc), buckets, np.concatenate(out_word)

    def counts(self, texts: Sequence[str], *, prepared: bool = False) -> sp.csr_matrix:
        """Raw count matrix (n_docs x 2**bits), word features in even... one shared space."""
        doc, bucket, _ = self.hash_batch(texts, prepared=prepared)
        m = sp.csr_matrix(
            (np.ones(doc.shape[0], dtype=np.float32), (doc, bucket)),
            shape=(len(texts), 1 << self.bits),
        )
        m.sum_duplicates()
        return m


def _count_rows(
    row: IntArray, col: npt.NDArray[np.int32], n_rows: int, n_cols: int
) -> sp.csr_matrix:
    """Counts of each (row, col) pair as a CSR matrix in canonical form (columns sorted within
    each row, no duplicates), as ``csr_matrix((ones, (row, col))).sum_duplicates()`` gives,
    in linear time: the pairs are grouped by row (a stable sort of ``row``, which is fast
    because ``hash_batch`` gives it as a few sorted runs), then transposed twice; each
    transposition leaves the indices of every row (column) sorted, where scipy's own
    conversion sorts each row with a comparison sort."""
    order = np.argsort(row, kind="stable")
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.cumsum(np.bincount(row, minlength=n_rows), out=indptr[1:])
    grouped = sp.csr_matrix(
        (np.ones(order.shape[0], dtype=np.float32), col[order], indptr),
        shape=(n_rows, n_cols),
    )
    by_col = grouped.tocsc()  # marked sorted: sum_duplicates only adds the adjacent pairs
    by_col.sum_duplicates()
    return by_col.tocsr()  # sorted and, having no duplicates left, canonical


def weigh(counts: sp.csr_matrix, idf: npt.NDArray[np.float32]) -> sp.csr_matrix:
    """Sub-linear TF x IDF, rows L2-normalised (the columns are already restricted)."""
    x = counts.copy().astype(np.float32)
    x.data = (1.0 + np.log(x.data)) * idf[x.indices]
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    x = sp.csr_matrix(sp.diags((1.0 / norms).astype(np.float32)) @ x)
    return x


def _quantize(
    w: npt.NDArray[np.float32], scale: npt.NDArray[np.float32] | None = None
) -> tuple[npt.NDArray[np.int8], npt.NDArray[np.float32]]:
    """int8 per column, scaled so the 99.99th percentile of |w| maps to 127 (clipped)."""
    if w.shape[0] == 0:
        return w.astype(np.int8), np.ones(w.shape[1], dtype=np.float32)
    if scale is None:
        top = np.quantile(np.abs(w), 0.9999, axis=0)
        scale = (np.maximum(top, 1e-12) / 127.0).astype(np.float32)
    q = np.clip(np.round(w / scale), -127, 127).astype(np.int8)
    return q, scale


@dataclass(frozen=True)
class LinearModel:
    """The shipped numbers: kept buckets, their IDF, weights per category, calibration."""

    features: HashedFeatures
    categories: tuple[str, ...]
    buckets: npt.NDArray[np.int64]  # sorted hashed bucket ids kept in training
    idf: npt.NDArray[np.float32]  # per kept bucket
    weights: npt.NDArray[np.float32]  # (n_kept, n_categories)
    intercepts: npt.NDArray[np.float32]  # (n_categories,)
    platt: npt.NDArray[np.float32]  # (n_categories, 2): p = 1 / (1 + exp(a * s + b))
    meta: Mapping[str, Any] = field(default_factory=dict)
    weight_scale: npt.NDArray[np.float32] | None = None  # set once weights are int8-rounded
    # Long posts are scored as the maximum over windows of ``chunk_tokens`` words every
    # ``chunk_stride`` words (0 = whole post): one hateful paragraph in a long Facebook post
    # is otherwise diluted by the rest.
    chunk_tokens: int = 0
    chunk_stride: int = 0

    def quantized(self) -> LinearModel:
        """The same model with weights rounded as :meth:`save` stores them (int8 per category)."""
        q, scale = _quantize(self.weights, self.weight_scale)
        return replace(
            self,
            weights=q.astype(np.float32) * scale,
            idf=self.idf.astype(np.float16).astype(np.float32),
            weight_scale=scale,
        )

    def transform(self, texts: Sequence[str]) -> sp.csr_matrix:
        """Weighted features restricted to the kept buckets (n_docs x n_kept)."""
        doc, bucket, _ = self.features.hash_batch(texts)
        pos = np.searchsorted(self.buckets, bucket)
        pos = np.minimum(pos, self.buckets.shape[0] - 1)
        keep = self.buckets[pos] == bucket
        m = sp.csr_matrix(
            (np.ones(int(keep.sum()), dtype=np.float32), (doc[keep], pos[keep])),
            shape=(len(texts), self.buckets.shape[0]),
        )
        m.sum_duplicates()
        return weigh(m, self.idf)

    def _lookup(self) -> npt.NDArray[np.int32]:
        """bucket -> position among the kept buckets (-1: not kept); built once, 4 bytes per
        hash bucket."""
        lut: npt.NDArray[np.int32] | None = self.__dict__.get("_lut")
        if lut is None:
            lut = np.full(1 << self.features.bits, -1, dtype=np.int32)
            lut[self.buckets] = np.arange(self.buckets.shape[0], dtype=np.int32)
            object.__setattr__(self, "_lut", lut)
        return lut

    def decision_function(self, texts: Sequence[str]) -> FloatArray:
        """Linear scores; long posts: the maximum over their word windows."""
        size, stride = self.chunk_tokens, self.chunk_stride
        if size <= 0 or stride <= 0:
            return self._scores(texts)
        pieces: list[str] = []
        owner: list[int] = []
        for i, text in enumerate(texts):
            words = text.split()
            if len(words) <= size:
                pieces.append(text)
                owner.append(i)
                continue
            for start in range(0, len(words) - size + stride, stride):
                pieces.append(" ".join(words[start : start + size]))
                owner.append(i)
        scores = self._scores(pieces)
        out = np.full((len(texts), scores.shape[1]), -np.inf)
        np.maximum.at(out, np.asarray(owner, dtype=np.int64), scores)
        return out

    def _scores(self, texts: Sequence[str]) -> FloatArray:
        """Linear scores (n_docs x n_categories): the same maths as ``transform(texts) @
        weights`` (sub-linear TF x IDF, L2 rows), with the feature values computed in numpy
        and one sparse-dense product in scipy's C loop (no (occurrences x categories)
        intermediate array, so more categories cost little)."""
        n = len(texts)
        k = self.weights.shape[1]
        out = np.zeros((n, k), dtype=np.float64)
        out += self.intercepts
        n_kept = self.buckets.shape[0]
        if n == 0 or n_kept == 0:
            return out
        doc, bucket, _ = self.features.hash_batch(texts)
        pos = self._lookup()[bucket]
        keep = pos >= 0
        if not keep.any():
            return out
        x = _count_rows(doc[keep], pos[keep], n, n_kept)
        f = x.indices
        d = np.repeat(np.arange(n, dtype=np.int64), np.diff(x.indptr))
        val = (1.0 + np.log(x.data)) * self.idf[f]
        norm2 = np.bincount(d, weights=(val * val).astype(np.float64), minlength=n)
        x.data = val / np.sqrt(norm2[d]).astype(np.float32)
        out += x @ self.weights
        return out

    def predict_proba(self, texts: Sequence[str]) -> FloatArray:
        """Calibrated probability per (text, category)."""
        s = self.decision_function(texts)
        a = self.platt[:, 0].astype(np.float64)
        b = self.platt[:, 1].astype(np.float64)
        z = np.clip(a * s + b, -50.0, 50.0)
        return np.asarray(1.0 / (1.0 + np.exp(z)), dtype=np.float64)

    def save(self, path: Path) -> None:
        """Write ``path.npz`` (numbers only) and ``path.json`` (provenance)."""
        q, scale = _quantize(self.weights, self.weight_scale)
        np.savez_compressed(
            path.with_suffix(".npz"),
            buckets=self.buckets.astype(np.uint32),
            idf=self.idf.astype(np.float16),
            weights_q=q,
            weights_scale=scale.astype(np.float32),
            intercepts=self.intercepts.astype(np.float32),
            platt=self.platt.astype(np.float32),
        )
        meta = dict(self.meta)
        meta["categories"] = list(self.categories)
        meta["scoring"] = {"chunk_tokens": self.chunk_tokens, "chunk_stride": self.chunk_stride}
        meta["features"] = {
            "bits": self.features.bits,
            "char_ngrams": list(self.features.char_ngrams),
            "word_ngrams": list(self.features.word_ngrams),
        }
        path.with_suffix(".json").write_text(
            json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8"
        )

    @classmethod
    def load(cls, path: Path) -> LinearModel:
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        meta["artifact_sha256"] = hashlib.sha256(path.with_suffix(".npz").read_bytes()).hexdigest()
        with np.load(path.with_suffix(".npz"), allow_pickle=False) as z:
            scale = z["weights_scale"].astype(np.float32)
            weights = z["weights_q"].astype(np.float32) * scale
            f = meta["features"]
            return cls(
                features=HashedFeatures(
                    bits=int(f["bits"]),
                    char_ngrams=(int(f["char_ngrams"][0]), int(f["char_ngrams"][1])),
                    word_ngrams=(int(f["word_ngrams"][0]), int(f["word_ngrams"][1])),
                ),
                categories=tuple(meta["categories"]),
                buckets=z["buckets"].astype(np.int64),
                idf=z["idf"].astype(np.float32),
                weights=weights,
                intercepts=z["intercepts"].astype(np.float32),
                platt=z["platt"].astype(np.float32),
                meta=meta,
                weight_scale=scale,
                chunk_tokens=int(meta.get("scoring", {}).get("chunk_tokens", 0)),
                chunk_stride=int(meta.get("scoring", {}).get("chunk_stride", 0)),
            )
