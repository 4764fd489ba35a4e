"""``bijak eval FILE.jsonl``: the full pipeline a user gets, scored against labelled lines.

Each line: ``{"text": str, "labels": {"<category>": 0 or 1, ...}, "source": str}``. A line
carries only the categories its source labelled; the others are not scored on it. A category
is predicted positive for a line when the report has a finding of that category whose score
reaches the category's review threshold in the policy (the point at which a user is asked to
think again).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Predictor = Callable[[Sequence[str]], list[set[str]]]


class EvalInputError(ValueError):
    """A malformed line; the message names the line number."""


@dataclass(frozen=True, slots=True)
class Item:
    text: str
    labels: dict[str, int]
    source: str


def read_jsonl(path: str | Path, known: Sequence[str] | None = None) -> list[Item]:
    items: list[Item] = []
    with open(path, encoding="utf-8") as fh:
        for no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalInputError(f"baris {no}: bukan JSON yang sah ({exc.msg})") from None
            if not isinstance(obj, dict):
                raise EvalInputError(f"baris {no}: harus objek JSON")
            text = obj.get("text")
            labels = obj.get("labels")
            source = obj.get("source", "")
            if not isinstance(text, str):
                raise EvalInputError(f"baris {no}: 'text' harus string")
            if not isinstance(labels, dict) or not labels:
                raise EvalInputError(
                    f"baris {no}: 'labels' harus objek {{kategori: 0|1}} yang tidak kosong"
                )
            if not isinstance(source, str):
                raise EvalInputError(f"baris {no}: 'source' harus string")
            clean: dict[str, int] = {}
            for cat, val in labels.items():
                if known is not None and cat not in known:
                    raise EvalInputError(f"baris {no}: kategori tidak dikenal {cat!r}")
                if val not in (0, 1) or isinstance(val, bool):
                    raise EvalInputError(f"baris {no}: label {cat!r} harus 0 atau 1, bukan {val!r}")
                clean[cat] = int(val)
            items.append(Item(text, clean, source))
    return items


def score(items: Sequence[Item], predicted: Sequence[set[str]]) -> dict[str, Any]:
    """Counts per (source, category); macro F1 over the cells that have positive labels."""
    cells: dict[tuple[str, str], list[int]] = {}
    for item, pred in zip(items, predicted, strict=True):
        for cat, gold in item.labels.items():
            c = cells.setdefault((item.source, cat), [0, 0, 0, 0])  # tp fp fn tn
            p = cat in pred
            c[0 if gold and p else 1 if p else 2 if gold else 3] += 1
    results = []
    for (source, cat), (tp, fp, fn, tn) in sorted(cells.items()):
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results.append(
            {
                "source": source,
                "category": cat,
                "n": tp + fp + fn + tn,
                "tp": tp,
                "fp": fp,
                "fn": fn,
                "tn": tn,
                "precision": round(precision, 4),
                "recall": round(recall, 4),
                "f1": round(f1, 4),
            }
        )
    # F1 is undefined where a cell has no positive label (all-benign sources): such cells
    # show their false alarms as fp/tn but stay out of the macro average.
    scored = [r for r in results if r["tp"] + r["fn"] > 0]
    macro = sum(r["f1"] for r in scored) / len(scored) if scored else 0.0
    return {"results": results, "macro_f1": round(macro, 4)}


def pipeline_predictor(policy: Any = None) -> Predictor:
    """The full pipeline (``bijak.engine``), bulk mode; positive = finding >= review threshold."""
    from bijak.engine import default_pipeline

    pipe = default_pipeline(policy)
    review = {c.id: c.review_threshold for c in pipe.policy.categories}

    def predict(texts: Sequence[str]) -> list[set[str]]:
        out = []
        for report in pipe.analyze_batch(list(texts), explain=False):
            out.append(
                {f.category for f in report.findings if f.score >= review.get(f.category, 0.5)}
            )
        return out

    return predict


def evaluate_file(path: str | Path, predict: Predictor | None = None) -> dict[str, Any]:
    from bijak.policy import load_policy

    known = [c.id for c in load_policy().categories]
    items = read_jsonl(path, known)
    predictor = predict if predict is not None else pipeline_predictor()
    return score(items, predictor([i.text for i in items]))


def format_table(result: dict[str, Any]) -> str:
    head = f"{'source':<28} {'kategori':<18} {'n':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'tn':>6} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [head, "-" * len(head)]
    for r in result["results"]:
        lines.append(
            f"{r['source'][:28]:<28} {r['category']:<18} {r['n']:>6} {r['tp']:>5} {r['fp']:>5} "
            f"{r['fn']:>5} {r['tn']:>6} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
        )
    lines.append(f"macro F1: {result['macro_f1']:.4f}")
    return "\n".join(lines)
