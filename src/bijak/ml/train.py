"""Reproducible training of ``bijak.model.v1`` from a YAML config.

``train_from_config(path)``:
1. reads the data sets named in the config (recording the SHA-256 of every file read);
2. splits every data set by a hash of the text (duplicates stay together) into train and a
   held-out part, fits on train, and measures per data set and category on the held-out
   part, plus the false-alarm rate on ordinary posts (held-out and never-seen sets) and the
   calibration error;
3. refits on everything and writes the artifact (numbers only) with the metrics of step 2,
   the code version and the hyper-parameters.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bijak.engine.models.linear import NAME, LinearModel
from bijak.ml.data import CATEGORIES, Row, datasets_dir, is_benign, load
from bijak.ml.estimator import HashedLinearClassifier

REPO_ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class TrainConfig:
    name: str
    seed: int
    normalizer: str
    features: dict[str, Any]
    classifier: dict[str, Any]
    datasets: tuple[str, ...]
    assume_negative: dict[str, tuple[str, ...]]
    holdout_fraction: float
    output: str
    reader_weights: dict[str, float]
    category_reader_weights: dict[str, dict[str, float]]
    scoring: dict[str, int]
    categories: tuple[str, ...] = CATEGORIES
    # Domain balance: per category, the rows of each data set weigh (median size / size) **
    # balance, renormalised to the same total (0 = off, as in v1).
    balance: float = 0.0
    # Per-category verdict cut-offs tuned on out-of-fold scores (empty = not tuned, as in v1):
    # {max_false_alarm: 0.01, ordinary: [readers whose rows are ordinary posts]}
    tuning: dict[str, Any] | None = None

    @classmethod
    def load(cls, path: str | Path) -> TrainConfig:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError(f"{path}: a training config is a YAML mapping")
        missing = {"seed", "features", "classifier", "datasets", "output"} - set(raw)
        if missing:
            raise ValueError(f"{path}: missing keys {sorted(missing)}")
        return cls(
            name=str(raw.get("name", NAME)),
            seed=int(raw["seed"]),
            normalizer=str(raw.get("normalizer", "engine")),
            features=dict(raw["features"]),
            classifier=dict(raw["classifier"]),
            datasets=tuple(raw["datasets"]),
            assume_negative={k: tuple(v) for k, v in (raw.get("assume_negative") or {}).items()},
            holdout_fraction=float(raw.get("holdout_fraction", 0.2)),
            output=str(raw["output"]),
            reader_weights={k: float(v) for k, v in (raw.get("reader_weights") or {}).items()},
            scoring={k: int(v) for k, v in (raw.get("scoring") or {}).items()},
            category_reader_weights={
                c: {k: float(v) for k, v in w.items()}
                for c, w in (raw.get("category_reader_weights") or {}).items()
            },
            categories=tuple(raw.get("categories", CATEGORIES)),
            balance=float(raw.get("balance", 0.0)),
            tuning=dict(raw["tuning"]) if raw.get("tuning") else None,
        )

    def scored(self, model: LinearModel) -> LinearModel:
        """``model`` with this config's scoring options (word windows for long posts)."""
        return replace(
            model,
            chunk_tokens=self.scoring.get("chunk_tokens", 0),
            chunk_stride=self.scoring.get("chunk_stride", 0),
        )

    def weights(
        self,
        rows: Sequence[Row],
        categories: Sequence[str] | None = None,
        y: np.ndarray | None = None,
    ) -> np.ndarray:
        """(n, k) row weights: ``reader_weights``, overridden per category; with ``balance``
        and the label matrix ``y``, each data set's labelled rows are re-weighed so that
        small sets (a new platform or language) are not drowned by large ones."""
        cats = self.categories if categories is None else categories
        out = np.ones((len(rows), len(cats)))
        for j, c in enumerate(cats):
            table = {**self.reader_weights, **self.category_reader_weights.get(c, {})}
            out[:, j] = [table.get(r.reader, 1.0) for r in rows]
        if self.balance > 0 and y is not None:
            names = np.array([r.dataset for r in rows])
            for j in range(len(cats)):
                lab = y[:, j] >= 0
                if not lab.any():
                    continue
                _, inverse, sizes = np.unique(names[lab], return_inverse=True, return_counts=True)
                mult = (float(np.median(sizes)) / sizes) ** self.balance
                before = out[lab, j].sum()
                out[lab, j] *= mult[inverse]
                out[lab, j] *= before / out[lab, j].sum()
        return out

    def estimator(self, categories: Sequence[str] | None = None) -> HashedLinearClassifier:
        f, c = self.features, self.classifier
        return HashedLinearClassifier(
            tuple(categories) if categories is not None else self.categories,
            bits=int(f.get("bits", 22)),
            char_ngrams=tuple(f.get("char_ngrams", (2, 5))),  # type: ignore[arg-type]
            word_ngrams=tuple(f.get("word_ngrams", (1, 2))),  # type: ignore[arg-type]
            min_df=int(f.get("min_df", 2)),
            C=float(c.get("C", 1.0)),
            loss=str(c.get("loss", "svm")),
            nb=bool(c.get("nb", True)),
            nb_alpha=float(c.get("nb_alpha", 1.0)),
            class_weight=c.get("class_weight"),
            calibration_folds=int(c.get("calibration_folds", 3)),
            random_state=self.seed,
        )


def normalizer(mode: str) -> tuple[Callable[[str], str], str]:
    """The text function applied before hashing and the name recorded in the artifact."""
    if mode == "engine":
        from bijak.engine.normalize import NORMALIZER_VERSION, normalize

        return (lambda t: normalize(t).text), NORMALIZER_VERSION
    if mode == "none":
        return (lambda t: t), "none"
    raise ValueError(f"unknown normalizer {mode!r} (engine | none)")


def code_version() -> str:
    """``git rev-parse HEAD``, with ``-dirty`` when the model's code differs from it."""
    try:
        dirty = subprocess.run(
            [  # noqa: S607
                "git",
                "status",
                "--porcelain",
                "--",
                "src/bijak/ml",
                "src/bijak/engine/models/linear.py",
                "configs",
            ],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        out = subprocess.run(
            ["git", "rev-parse", "HEAD"],  # noqa: S607
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip() + ("-dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def in_holdout(row: Row, fraction: float, seed: int) -> bool:
    h = hashlib.sha256(f"{seed}:{row.group}".encode()).digest()
    return int.from_bytes(h[:4], "big") / 2**32 < fraction


def matrix(
    rows: Sequence[Row], categories: Sequence[str], assume_negative: dict[str, tuple[str, ...]]
) -> np.ndarray:
    """(n, k) labels: 1/0 from the row, 0 where assumed negative, else -1."""
    y = np.full((len(rows), len(categories)), -1, dtype=np.int8)
    for i, r in enumerate(rows):
        for j, c in enumerate(categories):
            if c in r.labels:
                y[i, j] = r.labels[c]
            elif r.reader in assume_negative.get(c, ()):
                y[i, j] = 0
    return y


def counts(y: np.ndarray, pred: np.ndarray) -> dict[str, Any]:
    tp = int(((pred == 1) & (y == 1)).sum())
    fp = int(((pred == 1) & (y == 0)).sum())
    fn = int(((pred == 0) & (y == 1)).sum())
    tn = int(((pred == 0) & (y == 0)).sum())
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "n": int(y.shape[0]),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
    }


def ece(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error with equal-width bins."""
    if y.shape[0] == 0:
        return 0.0
    idx = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            total += m.sum() / y.shape[0] * abs(p[m].mean() - y[m].mean())
    return round(float(total), 4)


def evaluate_rows(
    model: LinearModel,
    rows: Sequence[Row],
    texts: Sequence[str],
    threshold: float | dict[str, float] = 0.5,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Per (data set, category) counts on rows' own labels; false alarms on benign rows;
    calibration error per category over all labelled rows. ``threshold``: one probability
    for every category, or one per category."""
    probs = model.predict_proba(texts) if texts else np.zeros((0, len(model.categories)))
    results: list[dict[str, Any]] = []
    cal: dict[str, Any] = {}
    by_ds: dict[str, list[int]] = {}
    for i, r in enumerate(rows):
        by_ds.setdefault(r.dataset, []).append(i)
    for ds, idx_list in sorted(by_ds.items()):
        idx = np.array(idx_list)
        for j, cat in enumerate(model.categories):
            labelled = np.array([cat in rows[i].labels for i in idx])
            if not labelled.any():
                continue
            sub = idx[labelled]
            y = np.array([rows[i].labels[cat] for i in sub])
            th = threshold.get(cat, 0.5) if isinstance(threshold, dict) else threshold
            pred = (probs[sub, j] >= th).astype(int)
            entry = {
                "dataset": ds,
                "platform": "+".join(sorted({rows[i].platform for i in sub})),
                "category": cat,
                **counts(y, pred),
            }
            if not y.any():  # ordinary posts (or a set without positives): false alarms
                entry = {
                    "dataset": ds,
                    "platform": rows[sub[0]].platform,
                    "category": cat,
                    "n": int(y.shape[0]),
                    "false_alarms": int(pred.sum()),
                    "false_alarm_rate": round(float(pred.mean()), 4),
                }
            results.append(entry)
    for j, cat in enumerate(model.categories):
        ys, ps = [], []
        for i, r in enumerate(rows):
            if cat in r.labels and not is_benign(r):
                ys.append(r.labels[cat])
                ps.append(probs[i, j])
        if ys:
            cal[cat] = {"n": len(ys), "ece": ece(np.array(ys), np.array(ps))}
    return results, cal


def tune_cutoffs(
    est: HashedLinearClassifier,
    rows: Sequence[Row],
    max_false_alarm: float,
    ordinary: Sequence[str],
    own_false_alarm: float = 1.0,
    own_penalty: float = 0.0,
    tie: float = 0.005,
    max_false_alarm_by_reader: Mapping[str, float] | None = None,
) -> dict[str, dict[str, Any]]:
    """Per category, the probability cut-off for a verdict, chosen on the out-of-fold scores
    of ``est`` (rows never seen by the model that scored them; never the held-out part).

    Among the cut-offs that flag at most ``max_false_alarm`` of the ordinary posts of EACH
    ordinary data set (rows of the ``ordinary`` readers; sets of 100 rows or more), the one
    with the best objective: the mean F1 over the data sets with positives for the category
    (each set counts once, whatever its size), minus ``own_penalty`` times the mean excess
    of each such set's false-alarm rate on its own negatives over ``own_false_alarm``.
    Cut-offs within ``tie`` of the best count as equal, and the highest of them is taken
    (fewer false alarms for the same F1). ``max_false_alarm_by_reader`` sets another bound
    for the ordinary sets of some readers (hard negatives written to be confusable need not
    meet the bound of everyday posts)."""
    grid = np.unique(np.r_[np.linspace(0.05, 0.95, 91), np.linspace(0.95, 0.999, 50)])
    out: dict[str, dict[str, Any]] = {}
    for j, cat in enumerate(est.categories):
        idx, s, y = est.oof_[cat]
        a, b = (float(v) for v in est.model_.platt[j])
        p = 1.0 / (1.0 + np.exp(np.clip(a * s + b, -50, 50)))
        hit = p[:, None] >= grid[None, :]
        sets = np.array([rows[i].dataset for i in idx])
        ords = np.array([rows[i].reader in ordinary for i in idx]) & (y == 0)
        fa = np.zeros(grid.size)
        ok = np.ones(grid.size, dtype=bool)
        bounds = max_false_alarm_by_reader or {}
        for ds in np.unique(sets[ords]):
            m = ords & (sets == ds)
            if m.sum() >= 100:
                rate = hit[m].mean(axis=0)
                fa = np.maximum(fa, rate)
                reader = rows[int(idx[np.flatnonzero(m)[0]])].reader
                ok &= rate <= bounds.get(reader, max_false_alarm)
        f1s, excess = [], []
        for ds in np.unique(sets[y == 1]):
            m = sets == ds
            pos, neg = m & (y == 1), m & (y == 0)
            tp = hit[pos].sum(axis=0)
            fp = hit[neg].sum(axis=0)
            fn = pos.sum() - tp
            f1s.append(2 * tp / np.maximum(2 * tp + fp + fn, 1))
            own = fp / max(int(neg.sum()), 1)
            excess.append(np.maximum(own - own_false_alarm, 0.0))
        mean_f1 = np.mean(f1s, axis=0) if f1s else np.zeros(grid.size)
        mean_excess = np.mean(excess, axis=0) if excess else np.zeros(grid.size)
        objective = mean_f1 - own_penalty * mean_excess
        if ok.any():
            best = objective[ok].max()
            k = int(np.flatnonzero(ok & (objective >= best - tie)).max())
        else:
            k = grid.size - 1
        out[cat] = {
            "cutoff": round(float(grid[k]), 4),
            "oof_mean_f1": round(float(mean_f1[k]), 4),
            "oof_mean_own_false_alarm_excess": round(float(mean_excess[k]), 4),
            "oof_ordinary_false_alarm_rate_max": round(float(fa[k]), 4),
            "oof_rows": int(idx.size),
        }
    return out


def tuning_args(cfg: TrainConfig) -> dict[str, Any]:
    """Keyword arguments of :func:`tune_cutoffs` from the config's ``tuning`` block."""
    t = cfg.tuning or {}
    return {
        "max_false_alarm": float(t.get("max_false_alarm", 0.01)),
        "ordinary": tuple(t.get("ordinary", ())),
        "own_false_alarm": float(t.get("own_false_alarm", 1.0)),
        "own_penalty": float(t.get("own_penalty", 0.0)),
        "tie": float(t.get("tie", 0.005)),
        "max_false_alarm_by_reader": {
            str(k): float(v) for k, v in (t.get("max_false_alarm_by_reader") or {}).items()
        },
    }


def verdict_anchors(categories: Sequence[str]) -> dict[str, float]:
    """The default policy's threshold for a model-only verdict per category
    (``Category.model_threshold``: the breach threshold, or the review threshold of a caution
    category): a tuned cut-off is mapped onto it (the engine gives a model-only finding a
    ``tinjau`` verdict from that score on)."""
    from bijak.policy import load_policy

    anchor = {c.id: c.model_threshold for c in load_policy().categories}
    return {c: float(anchor.get(c, 0.8)) for c in categories}


def with_cutoffs(model: LinearModel, cutoffs: dict[str, dict[str, Any]]) -> LinearModel:
    """``model`` whose meta carries the verdict cut-offs (read by the recognizer)."""
    meta = dict(model.meta)
    meta["verdict_cutoffs"] = {c: v["cutoff"] for c, v in cutoffs.items()}
    meta["verdict_anchors"] = verdict_anchors(list(cutoffs))
    return replace(model, meta=meta)


class Timer:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    def lap(self) -> float:
        return round(time.perf_counter() - self.t0, 1)


def train_from_config(
    path: str | Path,
    *,
    datasets: Path | None = None,
    output: Path | None = None,
    log: Callable[[str], None] = print,
) -> dict[str, Any]:
    cfg = TrainConfig.load(path)
    root = datasets_dir(datasets)
    timer = Timer()
    rows, files = load(cfg.datasets, root)
    unseen, unseen_files = load(["benign-unseen"], root)
    norm, norm_name = normalizer(cfg.normalizer)
    log(f"read {len(rows)} rows from {len(files)} files ({timer.lap()}s); normaliser: {norm_name}")
    texts = [norm(r.text) for r in rows]
    unseen_texts = [norm(r.text) for r in unseen]
    y = matrix(rows, cfg.categories, cfg.assume_negative)
    groups = [r.group for r in rows]
    log(f"normalised ({timer.lap()}s)")

    test = np.array([in_holdout(r, cfg.holdout_fraction, cfg.seed) for r in rows])
    tr = np.flatnonzero(~test)
    te = np.flatnonzero(test)
    sw = cfg.weights(rows, y=y)
    est = cfg.estimator().fit([texts[i] for i in tr], y[tr], [groups[i] for i in tr], sw[tr])
    log(f"fitted on {tr.size} rows, evaluating on {te.size} held-out rows ({timer.lap()}s)")
    held_rows = [rows[i] for i in te] + list(unseen)
    held_texts = [texts[i] for i in te] + unseen_texts
    results, cal = evaluate_rows(cfg.scored(est.model_), held_rows, held_texts)
    metrics = summarize(results, cal)
    if cfg.tuning:
        tuned = tune_cutoffs(est, [rows[i] for i in tr], **tuning_args(cfg))
        cut = {c: v["cutoff"] for c, v in tuned.items()}
        res_t, _ = evaluate_rows(cfg.scored(est.model_), held_rows, held_texts, cut)
        metrics["at_verdict_cutoffs"] = summarize(res_t, {})

    final = cfg.estimator().fit(texts, y, groups, sw)
    log(f"refitted on all {len(rows)} rows ({timer.lap()}s)")
    keep = os.environ.get("BIJAK_TRAIN_KEEP_OOF")
    if keep:  # scores and row sources, to study the tuning without refitting (never shipped)
        import pickle

        with open(keep, "wb") as fh:
            pickle.dump(
                {
                    "final": (final.oof_, final.model_.platt, final.categories),
                    "held_out_fit": (est.oof_, est.model_.platt, est.categories),
                    "rows": [(r.reader, r.dataset) for r in rows],
                    "train_index": tr,
                },
                fh,
            )
    cutoffs: dict[str, dict[str, Any]] = {}
    if cfg.tuning:
        cutoffs = tune_cutoffs(final, rows, **tuning_args(cfg))
        log(f"verdict cut-offs: { {c: v['cutoff'] for c, v in cutoffs.items()} }")
    meta = {
        "name": cfg.name,
        "format": "bijak.model.v1/npz",  # the file layout, unchanged in v2
        "created_by": "bijak train",
        "config": str(path),
        "code_version": code_version(),
        "normalizer": norm_name,
        "hyperparameters": {
            **final.get_params(),
            "reader_weights": cfg.reader_weights,
            "category_reader_weights": cfg.category_reader_weights,
            "assume_negative": {k: list(v) for k, v in cfg.assume_negative.items()},
            "holdout_fraction": cfg.holdout_fraction,
            "scoring": cfg.scoring,
            "balance": cfg.balance,
            "tuning": cfg.tuning,
        },
        "datasets": sorted({f.split("/")[0] for f in files}),
        "files": dict(sorted(files.items())),
        "evaluation_files": dict(sorted(unseen_files.items())),
        "n_rows": len(rows),
        "n_buckets_kept": int(final.model_.buckets.shape[0]),
        "metrics": metrics,
        "licences": LICENCES,
    }
    if cutoffs:
        meta["verdict_tuning"] = cutoffs
        meta["verdict_cutoffs"] = {c: v["cutoff"] for c, v in cutoffs.items()}
        meta["verdict_anchors"] = verdict_anchors(list(cutoffs))
    model = LinearModel(
        features=final.model_.features,
        categories=final.model_.categories,
        buckets=final.model_.buckets,
        idf=final.model_.idf,
        weights=final.model_.weights,
        intercepts=final.model_.intercepts,
        platt=final.model_.platt,
        meta=meta,
        weight_scale=final.model_.weight_scale,
        chunk_tokens=cfg.scored(final.model_).chunk_tokens,
        chunk_stride=cfg.scored(final.model_).chunk_stride,
    )
    out = Path(output) if output is not None else REPO_ROOT / cfg.output
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save(out)
    log(
        f"wrote {out.with_suffix('.npz')} ({out.with_suffix('.npz').stat().st_size} bytes, {timer.lap()}s)"
    )
    return {"artifact": str(out.with_suffix(".npz")), **metrics}


def summarize(results: list[dict[str, Any]], cal: dict[str, Any]) -> dict[str, Any]:
    in_domain = [r for r in results if "f1" in r]
    benign = [r for r in results if "false_alarm_rate" in r]
    fa: dict[str, dict[str, float]] = {}
    for r in benign:
        fa.setdefault(r["category"], {})[r["dataset"]] = r["false_alarm_rate"]
    all_y = sum(c["n"] for c in cal.values())
    return {
        "in_domain": in_domain,
        "false_alarm_rate": fa,
        "calibration_ece": cal,
        "calibration_ece_mean": round(sum(c["ece"] * c["n"] for c in cal.values()) / all_y, 4)
        if all_y
        else 0.0,
        "macro_f1": round(float(np.mean([r["f1"] for r in in_domain])), 4) if in_domain else 0.0,
    }


LICENCES = {
    "ibrohim2019-multilabel-hs": "CC BY-NC-SA 4.0 (NonCommercial)",
    "ibrohim2018-abusive": "CC BY-NC-SA 4.0 (NonCommercial)",
    "abusive-news-comments": "none stated",
    "aulia2019-hs-facebook": "none stated",
    "netifier": "none in repo (NusaCrowd lists CC BY-NC-SA 4.0)",
    "judol-youtube-comments": "MIT (repo); comments are third-party content",
    "sms-spam-wibisono": "CC BY-SA 4.0",
    "hoax-indonesiafalsenews": "none stated (research only / unclear)",
    "rizalespe-id-sentiment-small": "personal use only",
    "indonlu-hoasa_absa-airy": "MIT (IndoNLU repo)",
    "id-vaccines-tweets": "none stated",
    "indonlu-smsa_doc-sentiment-prosa": "MIT (IndoNLU repo)",
    "idsa-sentiment-tweets-ugm": "none stated",
}
