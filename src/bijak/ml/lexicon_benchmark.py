"""`bijak benchmark lexicon`: recall and false-alarm rate of the lexicon recognizer ALONE.

Data: ``judol-youtube-comments/raw/dataset_judol_labelled.csv`` (columns ``comment_id``,
``comment_text``, ``label``; 1 = promotion of online gambling, 0 = not, criticism and news about
gambling included). Texts are de-duplicated (the file holds many identical bot comments; the
first label of a text is kept). A comment is flagged when the ``perjudian`` score of
``bijak.lexicon.v1`` alone reaches the policy's review threshold (``tinjau`` or worse); the
breach threshold is reported too. Only figures are returned: no comment text.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path
from typing import Any

DATASET = "judol-youtube-comments"
FILE = "raw/dataset_judol_labelled.csv"
CATEGORY = "perjudian"


def load_rows(datasets: Path) -> list[tuple[str, int]]:
    """``(text, label)`` pairs, de-duplicated by text."""
    path = Path(datasets) / DATASET / FILE
    csv.field_size_limit(sys.maxsize)
    seen: set[str] = set()
    rows: list[tuple[str, int]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            text = rec.get("comment_text") or ""
            label = (rec.get("label") or "").strip()
            if label not in ("0", "1") or text in seen:
                continue
            seen.add(text)
            rows.append((text, int(label)))
    return rows


def _rates(scores: list[float], labels: list[int], threshold: float) -> dict[str, Any]:
    tp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y == 1)
    fp = sum(1 for s, y in zip(scores, labels, strict=True) if s >= threshold and y == 0)
    pos = sum(labels)
    neg = len(labels) - pos
    fn, tn = pos - tp, neg - fp
    recall = tp / pos if pos else 0.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "threshold": threshold,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "recall": round(recall, 4),
        "false_alarm_rate": round(fp / neg if neg else 0.0, 4),
        "precision": round(precision, 4),
        "f1": round(f1, 4),
    }


def run_lexicon_benchmark(*, datasets: Path) -> dict[str, Any]:
    from bijak.engine.lexicons import load_lexicon
    from bijak.engine.mapping import aggregate
    from bijak.engine.pipeline import Pipeline

    pipe = Pipeline(recognizers=["bijak.lexicon.v1"])
    category = pipe.policy.category(CATEGORY)
    rows = load_rows(datasets)
    labels = [y for _, y in rows]
    scores: list[float] = []
    started = time.perf_counter()
    for text, _ in rows:
        findings = [f for f in pipe.findings(text) if f.category == CATEGORY]
        scores.append(aggregate(findings).get(CATEGORY, 0.0) if findings else 0.0)
    elapsed = time.perf_counter() - started
    return {
        "dataset": f"{DATASET}/{FILE}",
        "recognizer": "bijak.lexicon.v1",
        "lexicon_version": load_lexicon(CATEGORY).version,
        "category": CATEGORY,
        "texts": len(rows),
        "positives": sum(labels),
        "negatives": len(labels) - sum(labels),
        "at_review_threshold": _rates(scores, labels, category.review_threshold),
        "at_breach_threshold": _rates(scores, labels, category.breach_threshold),
        "texts_per_second": round(len(rows) / elapsed, 1) if elapsed else None,
        "note": "de-duplicated texts; the held-out part of the dataset is not in these files",
    }
