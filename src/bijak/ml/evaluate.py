"""``bijak eval FILE.jsonl``: the full pipeline a user gets, scored against labelled lines.

Each line: ``{"text": str, "labels": {"<category>": 0 or 1, ...}, "source": str}``. A line
carries only the categories its source labelled; the others are not scored on it.

Two levels of "predicted positive" for a category on a line:

``verdict`` (the default: what a user sees)
    the report's verdict for that category is not ``aman``.
``finding``
    the report has a finding of that category whose score reaches the category's review
    threshold in the policy (the definition used before verdict-level scoring).

Besides the counts per (source, category), the result holds, per source, the share of lines
whose overall verdict is not ``aman`` (on lines with no positive label this is the false-alarm
rate a user feels), and a confusion table: for the lines labelled positive for a category
(or for no category: ``aman``), how many times each category fired (``aman``: none did).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LEVELS = ("verdict", "finding")
NONE = "aman"  # confusion table: no labelled positive (rows) / nothing fired (columns)


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the pipeline said about one line, at both levels."""

    verdict: frozenset[str]  # categories whose verdict is not aman
    finding: frozenset[str]  # categories with a finding at or above the review threshold
    flagged: bool  # the overall verdict is not aman

    def at(self, level: str) -> frozenset[str]:
        return self.verdict if level == "verdict" else self.finding


Predicted = Prediction | set[str] | frozenset[str]
Predictor = Callable[[Sequence[str]], Sequence[Predicted]]


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


def _as_prediction(pred: Predicted) -> Prediction:
    if isinstance(pred, Prediction):
        return pred
    cats = frozenset(pred)
    return Prediction(cats, cats, bool(cats))


def score(
    items: Sequence[Item], predicted: Sequence[Predicted], level: str = "verdict"
) -> dict[str, Any]:
    """Counts per (source, category); macro F1 over the cells that have positive labels;
    the share of lines flagged per source; the confusion table. ``predicted`` holds a
    :class:`Prediction` per line, or a plain set of categories (then both levels are that set
    and a line counts as flagged when the set is not empty)."""
    if level not in LEVELS:
        raise ValueError(f"level is one of {LEVELS}, not {level!r}")
    preds = [_as_prediction(p) for p in predicted]
    if len(preds) != len(items):
        raise ValueError(f"{len(items)} lines but {len(preds)} predictions")
    cells: dict[tuple[str, str], list[int]] = {}
    flags: dict[str, list[int]] = {}  # source -> [lines, flagged, clean lines, clean flagged]
    confusion: dict[str, dict[str, int]] = {}
    for item, full in zip(items, preds, strict=True):
        pred = full.at(level)
        positives = [c for c, g in item.labels.items() if g]
        f = flags.setdefault(item.source, [0, 0, 0, 0])
        f[0] += 1
        f[1] += int(full.flagged)
        if not positives:
            f[2] += 1
            f[3] += int(full.flagged)
        for gold_cat in positives or [NONE]:
            row = confusion.setdefault(gold_cat, {})
            fired = sorted(pred) or [NONE]
            for c in fired:
                row[c] = row.get(c, 0) + 1
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
    per_source = [
        {
            "source": src,
            "n": n,
            "flagged": fl,
            "flagged_rate": round(fl / n, 4) if n else 0.0,
            # lines with no positive label: any verdict other than aman is a false alarm
            "n_clean": nc,
            "false_alarms": fc,
            "false_alarm_rate": round(fc / nc, 4) if nc else None,
        }
        for src, (n, fl, nc, fc) in sorted(flags.items())
    ]
    return {
        "level": level,
        "results": results,
        "macro_f1": round(macro, 4),
        "flagged": per_source,
        "confusion": {g: dict(sorted(row.items())) for g, row in sorted(confusion.items())},
    }


def predictions_from_reports(reports: Sequence[Any], review: dict[str, float]) -> list[Prediction]:
    """Both levels from the engine's reports (``review``: the policy's review thresholds)."""
    out = []
    for report in reports:
        out.append(
            Prediction(
                verdict=frozenset(c.id for c in report.categories if c.verdict != "aman"),
                finding=frozenset(
                    f.category for f in report.findings if f.score >= review.get(f.category, 0.5)
                ),
                flagged=report.verdict != "aman",
            )
        )
    return out


def pipeline_predictor(policy: Any = None, pipeline: Any = None) -> Predictor:
    """The full pipeline (``bijak.engine``, bulk mode): a :class:`Prediction` per text."""
    if pipeline is None:
        from bijak.engine import default_pipeline

        pipeline = default_pipeline(policy)
    pipe = pipeline
    review = {c.id: c.review_threshold for c in pipe.policy.categories}

    def predict(texts: Sequence[str]) -> list[Prediction]:
        return predictions_from_reports(pipe.analyze_batch(list(texts), explain=False), review)

    return predict


def evaluate_file(
    path: str | Path, predict: Predictor | None = None, level: str = "verdict"
) -> dict[str, Any]:
    from bijak.policy import load_policy

    if level not in LEVELS:
        raise ValueError(f"level is one of {LEVELS}, not {level!r}")
    known = [c.id for c in load_policy().categories]
    items = read_jsonl(path, known)
    predictor = predict if predict is not None else pipeline_predictor()
    return score(items, predictor([i.text for i in items]), level=level)


def format_table(result: dict[str, Any]) -> str:
    head = f"{'source':<28} {'kategori':<18} {'n':>6} {'tp':>5} {'fp':>5} {'fn':>5} {'tn':>6} {'P':>6} {'R':>6} {'F1':>6}"
    lines = [head, "-" * len(head)]
    for r in result["results"]:
        lines.append(
            f"{r['source'][:28]:<28} {r['category']:<18} {r['n']:>6} {r['tp']:>5} {r['fp']:>5} "
            f"{r['fn']:>5} {r['tn']:>6} {r['precision']:>6.3f} {r['recall']:>6.3f} {r['f1']:>6.3f}"
        )
    lines.append(f"macro F1 ({result.get('level', 'verdict')}): {result['macro_f1']:.4f}")
    if result.get("flagged"):
        lines.append("")
        lines.append(
            f"{'source':<28} {'n':>6} {'bukan aman':>10} {'%':>7} {'n bersih':>8} {'alarm palsu':>11} {'%':>7}"
        )
        for f in result["flagged"]:
            rate = "-" if f["false_alarm_rate"] is None else f"{100 * f['false_alarm_rate']:.2f}"
            lines.append(
                f"{f['source'][:28]:<28} {f['n']:>6} {f['flagged']:>10} "
                f"{100 * f['flagged_rate']:>7.2f} {f['n_clean']:>8} {f['false_alarms']:>11} {rate:>7}"
            )
    if result.get("confusion"):
        lines.append("")
        lines.append("label -> kategori yang muncul (jumlah baris)")
        for gold, row in result["confusion"].items():
            cells = ", ".join(f"{c}: {n}" for c, n in sorted(row.items(), key=lambda kv: -kv[1]))
            lines.append(f"{gold:<18} {cells}")
    return "\n".join(lines)
