"""Per-file table of a mutmut run (`make mutation`), written to benchmarks/results/mutation.json.

Reads mutmut's own result files (mutants/<path>.meta, one exit code per mutant) for the files
that `[tool.mutmut] only_mutate` names, and counts each mutant with mutmut's own reading of the
exit code. The kill share is (killed + timeout) / all mutants: a mutant that no selected test
reaches ("no tests") counts as not killed. A second share sets aside the survivors that change
no behaviour by construction: those whose only change is inside the message of an `Http404(...)`
(never shown: every 404 answers the same page) or inside the arguments of `select_related`,
`prefetch_related` or `only` (which fields one query fetches, not what is found). Every mutant
not killed is listed with its diff in the JSON, so the reading can be checked.

Usage: .venv/bin/python scripts/mutation_report.py [--seconds N] [--no-write]
"""

from __future__ import annotations

import argparse
import difflib
import fnmatch
import json
import os
import re
import sys
import tomllib
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mutmut.mutation.data import MutantLineSpans
from mutmut.mutation.diff_apply import generated_function_names, get_diff_for_mutant
from mutmut.stats import status_by_exit_code

from bijak.cli.benchmark import machine

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "mutation.json"
COLUMNS = ("killed", "timeout", "survived", "no tests", "not checked", "other")


def _patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


_NO_BEHAVIOUR = re.compile(
    r"(Http404|select_related|prefetch_related|\.only)\((?:[^()]|\([^()]*\))*\)"
)


def _diff(name: str, path: str, spans: MutantLineSpans | None) -> str:
    """The changed lines of one mutant: read from mutmut's line index of the mutated file
    (text only, fast), else from mutmut's own (parsing) diff."""
    lines: list[str]
    try:
        assert spans is not None
        orig_name, mutant_name = generated_function_names(name)
        orig, mutant = spans.read_function_sources([orig_name, mutant_name])
        lines = list(
            difflib.unified_diff(
                orig.replace(orig_name, "f").splitlines(),
                mutant.replace(mutant_name, "f").splitlines(),
                lineterm="",
            )
        )
    except (AssertionError, KeyError, ValueError):
        lines = get_diff_for_mutant(name, path=path).splitlines()
    return "\n".join(x for x in lines if x[:1] in "+-" and not x.startswith(("+++", "---")))


def is_equivalent(diff: str) -> bool:
    """True when the mutant only changes a 404's message or a query's fetched fields."""
    removed = " ".join(x[1:].strip() for x in diff.splitlines() if x.startswith("-"))
    added = " ".join(x[1:].strip() for x in diff.splitlines() if x.startswith("+"))
    if not removed or not _NO_BEHAVIOUR.search(removed):
        return False
    return _NO_BEHAVIOUR.sub(r"\1()", removed) == _NO_BEHAVIOUR.sub(r"\1()", added)


def _status(exit_code: int | None) -> str:
    status = status_by_exit_code[exit_code]
    return status if status in COLUMNS else "other"


def collect() -> dict[str, Any]:
    patterns = _patterns()
    os.chdir(ROOT)  # mutmut reads its files relative to the project root
    files: dict[str, dict[str, Any]] = {}
    survivors: dict[str, list[dict[str, Any]]] = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        path = meta.relative_to(ROOT / "mutants").as_posix().removesuffix(".meta")
        if not any(fnmatch.fnmatch(path, p) for p in patterns):
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts = Counter(_status(code) for code in codes.values())
        total = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        survivors[path] = []
        spans = MutantLineSpans.load(path)
        for name in sorted(codes):
            status = _status(codes[name])
            if status in ("killed", "timeout", "not checked"):
                continue
            diff = _diff(name, path, spans)
            survivors[path].append(
                {
                    "mutant": name,
                    "status": status,
                    "equivalent": status == "survived" and is_equivalent(diff),
                    "diff": diff,
                }
            )
        equivalent = sum(1 for s in survivors[path] if s["equivalent"])
        tested = total - counts["not checked"]
        files[path] = {
            **{c: counts[c] for c in COLUMNS},
            "total": total,
            "tested": tested,
            "share_killed_of_tested": round(killed / tested, 4) if tested else None,
            "equivalent": equivalent,
            "share_killed": round(killed / total, 4) if total else None,
            "share_killed_of_non_equivalent": (
                round(killed / (total - equivalent), 4) if total > equivalent else None
            ),
        }
    total = sum(f["total"] for f in files.values())
    killed = sum(f["killed"] + f["timeout"] for f in files.values())
    equivalent = sum(f["equivalent"] for f in files.values())
    tested = sum(f["tested"] for f in files.values())
    return {
        "tool": f"mutmut {version('mutmut')}",
        "files": files,
        "total": total,
        "tested": tested,
        "share_killed_of_tested": round(killed / tested, 4) if tested else None,
        "killed_or_timeout": killed,
        "equivalent": equivalent,
        "share_killed": round(killed / total, 4) if total else None,
        "share_killed_of_non_equivalent": (
            round(killed / (total - equivalent), 4) if total > equivalent else None
        ),
        "not_killed": {p: names for p, names in survivors.items() if names},
    }


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def table(results: dict[str, Any]) -> str:
    head = (
        f"{'file':<34} {'killed':>6} {'timeout':>7} {'survived':>8} {'(equiv.)':>8} "
        f"{'no tests':>8} {'unrun':>5} {'other':>5} {'total':>5} {'share':>6} {'excl. eq.':>9} "
        f"{'of run':>6}"
    )
    lines = [head, "-" * len(head)]
    for path, f in results["files"].items():
        lines.append(
            f"{path.removeprefix('src/bijak/'):<34} {f['killed']:>6} {f['timeout']:>7} "
            f"{f['survived']:>8} {f['equivalent']:>8} {f['no tests']:>8} {f['not checked']:>5} "
            f"{f['other']:>5} {f['total']:>5} {_pct(f['share_killed']):>6} "
            f"{_pct(f['share_killed_of_non_equivalent']):>9} {_pct(f['share_killed_of_tested']):>6}"
        )
    lines.append("-" * len(head))
    lines.append(
        f"all: {results['killed_or_timeout']} of {results['total']} mutants killed (or timed out): "
        f"{_pct(results['share_killed'])}; {results['equivalent']} equivalent survivors set aside: "
        f"{_pct(results['share_killed_of_non_equivalent'])}; of the {results['tested']} run: "
        f"{_pct(results['share_killed_of_tested'])}"
    )
    return "\n".join(lines)


def markdown(results: dict[str, Any]) -> str:
    """The README's table."""
    lines = [
        "| file | killed | survived (of which equivalent) | no tests | not run | total | killed of total | killed of those run |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for path, f in results["files"].items():
        lines.append(
            f"| `{path.removeprefix('src/bijak/')}` | {f['killed'] + f['timeout']} | "
            f"{f['survived']} ({f['equivalent']}) | {f['no tests']} | {f['not checked']} | "
            f"{f['total']} | {_pct(f['share_killed'])} | {_pct(f['share_killed_of_tested'])} |"
        )
    lines.append(
        f"| **all** | {results['killed_or_timeout']} | | | | {results['total']} | "
        f"{_pct(results['share_killed'])} | {_pct(results['share_killed_of_tested'])} |"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, help="wall time of the mutmut run")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--markdown", action="store_true", help="print the README's table")
    args = parser.parse_args()
    results = collect()
    if not results["files"]:
        print("no mutmut results under mutants/: run `make mutation` first", file=sys.stderr)
        return 1
    results["seconds"] = args.seconds
    print(markdown(results) if args.markdown else table(results))
    if not args.no_write:
        payload = {
            "benchmark": "mutation",
            "date": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": machine(),
            "results": results,
        }
        OUT.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"written: {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
