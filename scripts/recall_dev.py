"""Dev figures for the rules' recall and false alarms (written by the bijak authors).

Prints, for the engine of the working tree it is run from:

* challenge TRAIN part (``benchmarks/challenge/train.jsonl``; never the frozen test parts):
  per category, the share of positives whose category verdict is not ``aman`` with the RULES
  ONLY (the default recognizers minus the model, which memorised this part) and with the full
  pipeline; and the share of hard negatives (every label 0) with any verdict not ``aman``;
* ordinary posts never used in training (``benign-unseen``) and a sample of the benign train
  readers: share with any verdict not ``aman``, and which categories fired;
* labelled sources: hoaks recall / false alarms on the fact-check sets; ujaran_kebencian,
  sara on ibrohim2019; fitnah on netifier (rules only and full).

``--save FILE`` writes the figures as JSON, ``--compare FILE`` prints them next to a saved run
(before / after). ``--quick`` samples the big sets. Reads the data sets under
$BIJAK_DATASETS (default ``../shared/datasets``); copies no text anywhere.

    PYTHONPATH=src .venv/bin/python scripts/recall_dev.py --save /tmp/before.json
    PYTHONPATH=src .venv/bin/python scripts/recall_dev.py --compare /tmp/before.json

"Before" for another commit: export its engine and run this script against it (set
BIJAK_DATASETS, since the data sets are found relative to the code otherwise):

    git archive <commit> src | tar -x -C /tmp/base
    export BIJAK_DATASETS=$PWD/../shared/datasets
    PYTHONPATH=/tmp/base/src .venv/bin/python scripts/recall_dev.py --save /tmp/before.json
    PYTHONPATH=src .venv/bin/python scripts/recall_dev.py --compare /tmp/before.json

Takes about a minute on one core for both pipelines (``--quick`` samples 1,500 rows per set).
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "benchmarks" / "challenge" / "train.jsonl"


def pipelines(full: bool):
    from bijak.engine.pipeline import Pipeline
    from bijak.engine.recognizers import DEFAULT_SPECS
    from bijak.engine.registry import spec_name

    rules = [s for s in DEFAULT_SPECS if not spec_name(s)[0].startswith("bijak.model")]
    out = {"rules": Pipeline(recognizers=rules)}
    if full:
        out["full"] = Pipeline()
    return out


def fired(pipe, texts: list[str]) -> list[set[str]]:
    res = []
    for i in range(0, len(texts), 512):
        for r in pipe.analyze_batch(texts[i : i + 512]):
            res.append({c.id for c in r.categories if c.verdict != "aman"})
    return res


def challenge(pipes, figs) -> None:
    rows = [json.loads(x) for x in TRAIN.read_text(encoding="utf-8").splitlines() if x.strip()]
    texts = [r["text"] for r in rows]
    for name, pipe in pipes.items():
        got = fired(pipe, texts)
        pos: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        neg = [0, 0]
        negc: collections.Counter[str] = collections.Counter()
        for r, f in zip(rows, got, strict=True):
            want = [c for c, v in r["labels"].items() if v]
            if not want:
                neg[1] += 1
                if f:
                    neg[0] += 1
                    negc.update(f)
            for c in want:
                pos[c][1] += 1
                pos[c][0] += c in f
        for c, (k, n) in pos.items():
            figs[f"challenge/{name}/recall/{c}"] = (k / n, n)
        figs[f"challenge/{name}/hardneg_flagged"] = (neg[0] / max(1, neg[1]), neg[1])
        for c, k in negc.items():
            figs[f"challenge/{name}/hardneg_by/{c}"] = (k / max(1, neg[1]), neg[1])


def datasets(pipes, figs, quick: bool) -> None:
    from bijak.ml.data import READERS, datasets_dir

    root = datasets_dir()
    rnd = random.Random(7)

    def sample(rows, n):
        rows = list(rows)
        if quick and len(rows) > n:
            rows = rnd.sample(rows, n)
        return rows

    ordinary = READERS["benign-unseen"](root)[0]
    bt = READERS["benign-train"](root)[0]
    groups = collections.defaultdict(list)
    for r in ordinary:
        groups[f"ordinary/{r.dataset}"].append(r)
    groups["ordinary/benign-train-sample"] = random.Random(3).sample(bt, 3000)
    hoax = READERS["turnbackhoax-2021"](root)[0] + READERS["hoax-indonesiafalsenews"](root)[0]
    for r in hoax:
        groups[f"labelled/{r.dataset}"].append(r)
    for r in READERS["ibrohim2019-multilabel-hs"](root)[0]:
        groups["labelled/ibrohim2019"].append(r)
    for r in READERS["netifier"](root)[0]:
        groups["labelled/netifier"].append(r)
    for g, rows in groups.items():
        rows = sample(rows, 1500)
        texts = [r.text for r in rows]
        for name, pipe in pipes.items():
            got = fired(pipe, texts)
            if g.startswith("ordinary/"):
                k = sum(1 for f in got if f)
                figs[f"{g}/{name}/flagged"] = (k / len(rows), len(rows))
                cc = collections.Counter(c for f in got for c in f)
                for c, v in cc.items():
                    figs[f"{g}/{name}/by/{c}"] = (v / len(rows), len(rows))
                continue
            cats = sorted({c for r in rows for c in r.labels})
            for c in cats:
                p = [c in f for r, f in zip(rows, got, strict=True) if r.labels.get(c) == 1]
                n = [c in f for r, f in zip(rows, got, strict=True) if r.labels.get(c) == 0]
                if p:
                    figs[f"{g}/{name}/recall/{c}"] = (sum(p) / len(p), len(p))
                if n:
                    figs[f"{g}/{name}/false_alarm/{c}"] = (sum(n) / len(n), len(n))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save")
    ap.add_argument("--compare")
    ap.add_argument("--rules-only", action="store_true", help="skip the full pipeline")
    ap.add_argument("--quick", action="store_true", help="sample big data sets (1,500 rows)")
    ap.add_argument("--no-datasets", action="store_true", help="challenge train part only")
    a = ap.parse_args(argv)
    pipes = pipelines(full=not a.rules_only)
    figs: dict[str, tuple[float, int]] = {}
    challenge(pipes, figs)
    if not a.no_datasets:
        datasets(pipes, figs, a.quick)
    old = json.loads(Path(a.compare).read_text()) if a.compare else {}
    for k in sorted(figs):
        v, n = figs[k]
        line = f"{k:62s} {v:6.3f}  (n={n})"
        if k in old:
            d = v - old[k][0]
            line += f"   before {old[k][0]:6.3f}  {'+' if d >= 0 else ''}{d:.3f}"
        print(line)
    for k in sorted(set(old) - set(figs)):
        print(f"{k:62s}   gone  (before {old[k][0]:.3f})")
    if a.save:
        Path(a.save).write_text(json.dumps(figs, indent=1, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
