"""Per-file table of a mutmut run (`make mutation`), written to benchmarks/results/mutation.json.

Reads mutmut's own result files (mutants/<path>.meta, one exit code per mutant) for the files
that `[tool.mutmut] only_mutate` names, and counts each mutant with mutmut's own reading of the
exit code. The kill share is (killed + timeout) / all mutants: a mutant that no selected test
reaches ("no tests") counts as not killed.

Usage: .venv/bin/python scripts/mutation_report.py [--seconds N] [--no-write]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import sys
import tomllib
from collections import Counter
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mutmut.stats import status_by_exit_code

from bijak.cli.benchmark import machine

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "results" / "mutation.json"
COLUMNS = ("killed", "timeout", "survived", "no tests", "not checked", "other")


def _patterns() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(config["tool"]["mutmut"]["only_mutate"])


def _status(exit_code: int | None) -> str:
    status = status_by_exit_code[exit_code]
    return status if status in COLUMNS else "other"


def collect() -> dict[str, Any]:
    patterns = _patterns()
    files: dict[str, dict[str, Any]] = {}
    survivors: dict[str, list[str]] = {}
    for meta in sorted((ROOT / "mutants").rglob("*.py.meta")):
        path = meta.relative_to(ROOT / "mutants").as_posix().removesuffix(".meta")
        if not any(fnmatch.fnmatch(path, p) for p in patterns):
            continue
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        counts = Counter(_status(code) for code in codes.values())
        total = sum(counts.values())
        killed = counts["killed"] + counts["timeout"]
        files[path] = {
            **{c: counts[c] for c in COLUMNS},
            "total": total,
            "share_killed": round(killed / total, 4) if total else None,
        }
        survivors[path] = sorted(k for k, code in codes.items() if _status(code) != "killed")
    total = sum(f["total"] for f in files.values())
    killed = sum(f["killed"] + f["timeout"] for f in files.values())
    return {
        "tool": f"mutmut {version('mutmut')}",
        "files": files,
        "total": total,
        "killed_or_timeout": killed,
        "share_killed": round(killed / total, 4) if total else None,
        "not_killed": {p: names for p, names in survivors.items() if names},
    }


def table(results: dict[str, Any]) -> str:
    head = f"{'file':<40} {'killed':>6} {'timeout':>7} {'survived':>8} {'no tests':>8} {'unrun':>5} {'other':>5} {'total':>5} {'share':>6}"
    lines = [head, "-" * len(head)]
    for path, f in results["files"].items():
        share = "–" if f["share_killed"] is None else f"{100 * f['share_killed']:.1f}%"
        lines.append(
            f"{path.removeprefix('src/bijak/'):<40} {f['killed']:>6} {f['timeout']:>7} "
            f"{f['survived']:>8} {f['no tests']:>8} {f['not checked']:>5} {f['other']:>5} {f['total']:>5} {share:>6}"
        )
    share = results["share_killed"]
    lines.append("-" * len(head))
    lines.append(
        f"{'all':<40} {results['killed_or_timeout']:>6} (killed or timeout) of {results['total']}: "
        + ("–" if share is None else f"{100 * share:.1f}%")
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, help="wall time of the mutmut run")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    results = collect()
    if not results["files"]:
        print("no mutmut results under mutants/: run `make mutation` first", file=sys.stderr)
        return 1
    results["seconds"] = args.seconds
    print(table(results))
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
