"""Do fastText subword embeddings help the model on posts it has never seen? (issue 10, item 7)

Written by the bijak authors. An experiment, not part of the shipped model: it needs gensim,
which bijak does not depend on (install it aside, e.g. ``pip install --target DIR gensim
smart_open wrapt`` and run with ``PYTHONPATH=DIR``).

Same rows, normaliser, weights and held-out split as ``bijak train CONFIG`` (the held-out
part is a hash of each row's group, so the challenge set's train part is split by family:
its held-out rows are a family-level development split). On the training part only:

- baseline: per category, the model's features (hashed word and char n-grams, TF-IDF, NB
  scaling) and a weighted LinearSVC, as ``HashedLinearClassifier`` fits them;
- fastText: the same, plus the mean fastText vector of the post's words (gensim, trained on
  the training part's text only), L2-normalised and scaled by ``--alpha``.

Both are scored on the held-out rows of every labelled source: average precision (AP, no
cut-off needed) and F1 at the SVM's own cut-off (score > 0), per (data set, category), and
their means; ``bijak-challenge-train`` alone is the family-level development split.

Usage: PYTHONPATH=DIR .venv/bin/python scripts/fasttext_experiment.py configs/model-v2.yaml
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import numpy as np
import scipy.sparse as sp
from sklearn.metrics import average_precision_score, f1_score
from sklearn.svm import LinearSVC

from bijak.engine.models.linear import HashedFeatures, weigh
from bijak.ml.data import datasets_dir, load
from bijak.ml.estimator import _counts_chunked, _nb_ratio
from bijak.ml.train import TrainConfig, in_holdout, matrix, normalizer


def doc_vectors(model, texts: list[str]) -> np.ndarray:  # type: ignore[no-untyped-def]
    out = np.zeros((len(texts), model.wv.vector_size), dtype=np.float32)
    for i, t in enumerate(texts):
        words = t.split()
        if words:
            v = np.mean([model.wv[w] for w in words], axis=0)
            n = float(np.linalg.norm(v))
            out[i] = v / n if n > 0 else v
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("--dim", type=int, default=64)
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--alpha", type=float, nargs="+", default=[1.0, 3.0])
    ap.add_argument("--out", default="benchmarks/results/fasttext-experiment.json")
    args = ap.parse_args()
    from gensim.models import FastText

    t0 = time.perf_counter()
    cfg = TrainConfig.load(args.config)
    rows, files = load(cfg.datasets, datasets_dir())
    norm, _ = normalizer(cfg.normalizer)
    texts = [norm(r.text) for r in rows]
    y = matrix(rows, cfg.categories, cfg.assume_negative)
    test = np.array([in_holdout(r, cfg.holdout_fraction, cfg.seed) for r in rows])
    tr, te = np.flatnonzero(~test), np.flatnonzero(test)
    sw = cfg.weights(rows, y=y)
    print(
        f"{len(rows)} rows, {tr.size} train, {te.size} held out ({time.perf_counter() - t0:.0f}s)"
    )

    f = cfg.features
    feats = HashedFeatures(
        int(f.get("bits", 22)),
        tuple(f.get("char_ngrams", (2, 5))),
        tuple(f.get("word_ngrams", (1, 2))),
    )
    counts = _counts_chunked(feats, texts)
    df = np.bincount(counts[tr].indices, minlength=counts.shape[1])
    kept = np.flatnonzero(df >= int(f.get("min_df", 2)))
    idf = (np.log((1 + tr.size) / (1 + df[kept])) + 1).astype(np.float32)
    x = weigh(counts[:, kept], idf)
    print(f"features: {kept.size} buckets ({time.perf_counter() - t0:.0f}s)")

    ft = FastText(
        sentences=[texts[i].split() for i in tr],
        vector_size=args.dim,
        window=5,
        min_count=3,
        min_n=3,
        max_n=5,
        bucket=200_000,
        epochs=args.epochs,
        workers=2,
        seed=cfg.seed,
    )
    emb = doc_vectors(ft, texts)
    print(f"fastText dim {args.dim}, {len(ft.wv)} words ({time.perf_counter() - t0:.0f}s)")

    variants = {"baseline": 0.0} | {f"fasttext_alpha{a:g}": a for a in args.alpha}
    per_pair: dict[str, list[dict[str, object]]] = {v: [] for v in variants}
    names = np.array([r.dataset for r in rows])
    for j, cat in enumerate(cfg.categories):
        lab_tr = tr[y[tr, j] >= 0]
        lab_te = te[y[te, j] >= 0]
        yt = y[lab_tr, j]
        r = _nb_ratio(x[lab_tr], yt, float(cfg.classifier.get("nb_alpha", 1.0)))
        xa = x[lab_tr] @ sp.diags(r)
        xb = x[lab_te] @ sp.diags(r)
        for v, alpha in variants.items():
            if alpha:
                xa_v = sp.hstack([xa, sp.csr_matrix(emb[lab_tr] * alpha)], format="csr")
                xb_v = sp.hstack([xb, sp.csr_matrix(emb[lab_te] * alpha)], format="csr")
            else:
                xa_v, xb_v = xa, xb
            clf = LinearSVC(
                C=float(cfg.classifier.get("C", 1.0)), max_iter=5000, random_state=cfg.seed
            )
            clf.fit(xa_v, yt, sample_weight=sw[lab_tr, j])
            s = clf.decision_function(xb_v)
            for ds in np.unique(names[lab_te]):
                m = names[lab_te] == ds
                yy = y[lab_te[m], j]
                if yy.min() == yy.max():
                    continue
                per_pair[v].append(
                    {
                        "dataset": str(ds),
                        "category": cat,
                        "n": int(m.sum()),
                        "ap": round(float(average_precision_score(yy, s[m])), 4),
                        "f1": round(float(f1_score(yy, (s[m] > 0).astype(int))), 4),
                    }
                )
        print(f"{cat} done ({time.perf_counter() - t0:.0f}s)", flush=True)

    def summary(pairs: list[dict[str, object]]) -> dict[str, float]:
        ch = [p for p in pairs if p["dataset"] == "bijak-challenge-train"]
        other = [p for p in pairs if p["dataset"] != "bijak-challenge-train"]
        return {
            "mean_ap": round(float(np.mean([p["ap"] for p in pairs])), 4),
            "mean_f1": round(float(np.mean([p["f1"] for p in pairs])), 4),
            "sources_mean_ap": round(float(np.mean([p["ap"] for p in other])), 4),
            "sources_mean_f1": round(float(np.mean([p["f1"] for p in other])), 4),
            "challenge_dev_mean_ap": round(float(np.mean([p["ap"] for p in ch])), 4) if ch else 0.0,
            "challenge_dev_mean_f1": round(float(np.mean([p["f1"] for p in ch])), 4) if ch else 0.0,
        }

    result = {
        "config": args.config,
        "fasttext": {
            "dim": args.dim,
            "epochs": args.epochs,
            "min_n": 3,
            "max_n": 5,
            "bucket": 200_000,
        },
        "files": dict(sorted(files.items())),
        "summary": {v: summary(p) for v, p in per_pair.items()},
        "pairs": per_pair,
        "seconds": round(time.perf_counter() - t0, 1),
    }
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    print(json.dumps(result["summary"], indent=1))


if __name__ == "__main__":
    main()
