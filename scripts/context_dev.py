# Written by the bijak authors for the bijak challenge set; no text from any data set.
"""Dev figures for the context layer: false alarms on hard ordinary posts and recall.

Run from a worktree root (its engine is imported):

  PYTHONPATH=src .venv/bin/python scripts/context_dev.py [--per-family 6] [--save out.json]
                                                          [--compare before.json] [--show 2]

Dev sets (never the frozen test parts):
  challenge train  ``benchmarks/challenge/train.jsonl``, up to ``--per-family`` lines of each
                   family: hard negatives (every label 0; flagged = any verdict not ``aman``)
                   and positives (recall = every labelled category not ``aman``). The model
                   memorised these lines, so they are scored twice: the full pipeline, and the
                   rules alone (the default recognizers without ``bijak.model.v1``).
  families         any ``--families FILE...`` (new family files, train-only) expanded as the
                   generator does, both pipelines.
  probes           ``scripts/context_dev_probes.yaml``: invented hard ordinary posts and
                   breaches (pos: any category raised), both pipelines.
  datasets         ordinary posts never used in training (EmoT happy/love, positive film/TV
                   tweets, CASA car reviews without a negative aspect; flagged share), SMS
                   fraud, judol promos and the two fact-check sets (recall of penipuan /
                   perjudian / hoaks, and each set's own negatives), sampled with a fixed
                   seed (``--per-set``), full pipeline. Set BIJAK_DATASETS when running an
                   engine from outside a worktree.

Prints per category the flagged share of hard negatives and the recall, and with
``--compare`` the figures of an earlier ``--save`` run beside them.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pipelines() -> dict[str, object]:
    from bijak.engine.pipeline import Pipeline
    from bijak.engine.recognizers import DEFAULT_SPECS
    from bijak.engine.registry import spec_name

    rules = [s for s in DEFAULT_SPECS if not spec_name(s)[0].startswith("bijak.model")]
    return {"full": Pipeline(), "rules": Pipeline(recognizers=rules)}


def _fired(report: object) -> set[str]:
    return {c.id for c in report.categories if c.verdict != "aman"}  # type: ignore[attr-defined]


def _challenge(per_family: int) -> list[tuple[str, str, str, dict[str, int]]]:
    """(family, side, text, labels) for up to ``per_family`` lines of every train family."""
    by_fam: dict[str, list[dict]] = collections.defaultdict(list)
    with open(ROOT / "benchmarks/challenge/train.jsonl", encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            by_fam[obj["family"]].append(obj)
    out = []
    for fam, rows in sorted(by_fam.items()):
        for obj in rows[:per_family]:
            side = "pos" if any(obj["labels"].values()) else "neg"
            out.append((fam, side, obj["text"], obj["labels"]))
    return out


def _families(files: list[str]) -> list[tuple[str, str, str, dict[str, int]]]:
    """Lines of the given family files, expanded as the generator does for train (30 each),
    with the fillers that sit next to each file (``../fillers.yaml``) when there are some."""
    from bijak.ml.challenge import ChallengeError, expand_family, load_families, load_fillers

    out = []
    for name in files:
        here = Path(name).resolve().parents[1]
        fillers = load_fillers(
            here if (here / "fillers.yaml").is_file() else ROOT / "benchmarks/challenge"
        )
        with tempfile.TemporaryDirectory() as d:
            (Path(d) / "families").mkdir()
            shutil.copy(name, Path(d) / "families" / Path(name).name)
            try:
                fams = load_families(Path(d))
            except ChallengeError as exc:
                print(f"  skipped {name}: {exc}", file=sys.stderr)
                continue
        for fam in fams:
            try:
                lines = expand_family(fam, fillers, 30, "train")
            except ChallengeError as exc:
                print(f"  skipped {fam.id}: {exc}", file=sys.stderr)
                continue
            for line in lines:
                out.append((fam.id, fam.side, line.text, dict(line.labels)))
    return out


def _probes() -> list[tuple[str, str, str, dict[str, int]]]:
    """The invented posts of ``scripts/context_dev_probes.yaml`` (any category counts)."""
    import yaml

    data = yaml.safe_load((ROOT / "scripts/context_dev_probes.yaml").read_text("utf-8"))
    out = [("probe", "neg", t, {}) for t in data.get("neg") or ()]
    out += [("probe", "pos", t, {"any": 1}) for t in data.get("pos") or ()]
    return out


def _datasets(per_set: int) -> list[tuple[str, str, str, dict[str, int]]]:
    from bijak.ml.data import (
        datasets_dir,
        read_benign_unseen,
        read_hoax,
        read_judol,
        read_sms,
        read_turnbackhoax,
    )

    root = datasets_dir()
    rng = random.Random(10)
    out = []
    benign, _ = read_benign_unseen(root)
    by_set = collections.defaultdict(list)
    for r in benign:
        by_set[r.dataset].append(r)
    for name, rows in sorted(by_set.items()):
        for r in rng.sample(rows, min(per_set, len(rows))):
            out.append((name, "neg", r.text, {}))
    readers = (
        (read_sms, "penipuan"),
        (read_judol, "perjudian"),
        (read_hoax, "hoaks"),
        (read_turnbackhoax, "hoaks"),
    )
    for reader, cat in readers:
        rows, _ = reader(root)
        pos = [r for r in rows if r.labels.get(cat)]
        neg = [r for r in rows if r.labels.get(cat) == 0]
        for r in rng.sample(pos, min(per_set, len(pos))):
            out.append((r.dataset, "pos", r.text, {cat: 1}))
        for r in rng.sample(neg, min(per_set, len(neg))):
            out.append((r.dataset, "neg", r.text, {cat: 0}))
    return out


DUMP: list[dict] = []


def _score(pipe: object, items: list, show: int, label: str) -> dict[str, list[int]]:
    """{"neg:<category>": [flagged, n], "pos:<category>": [found, n]} and prints examples."""
    reports = pipe.analyze_batch([t for _, _, t, _ in items])  # type: ignore[attr-defined]
    DUMP.extend(
        {"part": label, "family": fam, "side": side, "text": text, "fired": sorted(_fired(rep))}
        for (fam, side, text, _), rep in zip(items, reports, strict=True)
    )
    out: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
    shown: collections.Counter[str] = collections.Counter()
    for (fam, side, text, labels), rep in zip(items, reports, strict=True):
        fired = _fired(rep)
        cats = sorted(labels) or ["(none)"]
        if side == "pos" and labels == {"any": 1}:
            bad = not fired
            out["pos:ALL"][0] += not bad
            out["pos:ALL"][1] += 1
        elif side == "neg":
            bad = bool(fired)
            for c in cats:
                out[f"neg:{c}"][0] += bad
                out[f"neg:{c}"][1] += 1
            out["neg:ALL"][0] += bad
            out["neg:ALL"][1] += 1
        else:
            want = [c for c, v in labels.items() if v]
            ok = all(c in fired for c in want)
            bad = not ok
            for c in want:
                out[f"pos:{c}"][0] += c in fired
                out[f"pos:{c}"][1] += 1
            out["pos:ALL"][0] += ok
            out["pos:ALL"][1] += 1
        if bad and shown[fam] < show:
            shown[fam] += 1
            print(f"  [{label}] {side} {fam}: fired={sorted(fired)} | {text[:160]!r}")
    return dict(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--per-family", type=int, default=6)
    ap.add_argument("--per-set", type=int, default=300)
    ap.add_argument("--families", nargs="*", default=[])
    ap.add_argument("--no-datasets", action="store_true")
    ap.add_argument("--no-challenge", action="store_true")
    ap.add_argument("--save")
    ap.add_argument("--compare")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--dump", help="write every line's verdicts here (JSON lines)")
    args = ap.parse_args(argv)

    pipes = _pipelines()
    results: dict[str, dict[str, list[int]]] = {}
    if not args.no_challenge:
        items = _challenge(args.per_family)
        for name, pipe in pipes.items():
            results[f"challenge/{name}"] = _score(pipe, items, args.show, f"challenge/{name}")
    if args.families:
        items = _families(args.families)
        for name, pipe in pipes.items():
            results[f"families/{name}"] = _score(pipe, items, args.show, f"families/{name}")
    items = _probes()
    for name, pipe in pipes.items():
        results[f"probes/{name}"] = _score(pipe, items, args.show, f"probes/{name}")
    if not args.no_datasets:
        items = _datasets(args.per_set)
        results["datasets/full"] = _score(pipes["full"], items, args.show, "datasets/full")

    before = json.loads(Path(args.compare).read_text()) if args.compare else {}
    for part, res in results.items():
        print(
            f"\n== {part}  (neg: flagged share; pos: recall){'  before -> now' if before else ''}"
        )
        old = before.get(part, {})
        for key in sorted(res, key=lambda k: (k.split(":")[0], k != k.split(":")[0] + ":ALL", k)):
            k, n = res[key]
            now = f"{k / max(1, n):6.3f} of {n:4d}"
            if key in old:
                ok, on = old[key]
                print(f"  {key:28s} {ok / max(1, on):6.3f} -> {now}")
            else:
                print(f"  {key:28s} {now}")
    if args.save:
        Path(args.save).write_text(json.dumps(results, indent=1, sort_keys=True))
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as fh:
            for row in DUMP:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
