"""False alarms of the engine on hard negatives it may be tuned on, per category.

Written by the bijak authors. Reads the challenge set's train part
(``benchmarks/challenge/train.jsonl``) and the hard-negative families kept for checking the
word rules only (``benchmarks/challenge/fa_families/*.yaml``, not used to train the model),
runs the full pipeline, and prints per category how many hard negatives get a verdict other
than ``aman`` for it, grouped by the recognizers and words that fired (with examples), and the
share of train positives labelled with it that are caught (``--rules-only``: by the rules
alone, since the model has learnt the train positives). Cut the first without lowering the
second; never run it on the frozen test parts or the blind batches::

    .venv/bin/python scripts/rule_false_alarms.py keluhan_layanan politik --show 2
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from bijak.engine.pipeline import Pipeline, default_pipeline
from bijak.engine.recognizers import DEFAULT_RECOGNIZERS
from bijak.engine.report import Report
from bijak.ml.challenge import CHALLENGE_DIR, expand_family, load_families, load_fillers


def _verdict(report: Report, category: str) -> str:
    return next((c.verdict for c in report.categories if c.id == category), "aman")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("categories", nargs="+")
    parser.add_argument("--show", type=int, default=2, help="examples per group")
    parser.add_argument("--pos-show", type=int, default=0, help="missed train positives to print")
    parser.add_argument(
        "--rules-only", action="store_true", help="without the trained model (what the rules catch)"
    )
    args = parser.parse_args(argv)

    rows = [
        json.loads(line)
        for line in (CHALLENGE_DIR / "train.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    negatives = [r["text"] for r in rows if not any(r["labels"].values())]
    families = load_families(CHALLENGE_DIR, folder="fa_families")
    fillers = load_fillers(CHALLENGE_DIR)
    for fam in families:
        negatives += [line.text for line in expand_family(fam, fillers, 30, "train")]
    positives = [r for r in rows if any(r["labels"].get(c) for c in args.categories)]

    pipe = (
        Pipeline(recognizers=[n for n in DEFAULT_RECOGNIZERS if n != "bijak.model.v1"])
        if args.rules_only
        else default_pipeline()
    )
    neg_reports = pipe.analyze_batch(negatives)
    pos_reports = pipe.analyze_batch([r["text"] for r in positives])
    for category in args.categories:
        groups: Counter[str] = Counter()
        examples: dict[str, list[str]] = defaultdict(list)
        for text, report in zip(negatives, neg_reports, strict=True):
            if _verdict(report, category) == "aman":
                continue
            found = [f for f in report.findings if f.category == category and f.score > 0]
            kinds = "+".join(sorted({f.recognizer.split(".")[1] for f in found}))
            words = ",".join(
                sorted({str(f.meta.get("term") or f.meta.get("kind") or "") for f in found})
            )
            key = f"{kinds} [{words}]"
            groups[key] += 1
            examples[key].append(text[:200].replace("\n", " / "))
        labelled = [
            (r, rep)
            for r, rep in zip(positives, pos_reports, strict=True)
            if r["labels"].get(category)
        ]
        missed = [r["text"] for r, rep in labelled if _verdict(rep, category) == "aman"]
        caught = len(labelled) - len(missed)
        print(
            f"== {category}: hard negatives flagged {sum(groups.values())} of {len(negatives)};"
            f" train positives caught {caught}/{len(labelled)}"
        )
        for key, n in groups.most_common(25):
            print(f"  {n:4d} {key}")
            for text in examples[key][: args.show]:
                print("        ", text)
        for text in missed[: args.pos_show]:
            print("   MISSED", text[:200].replace("\n", " / "))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
