"""Rewrite train.jsonl of the bijak challenge set (written by the bijak authors).

The test part is frozen: this script never rewrites test.jsonl. See README.md.
Usage: .venv/bin/python benchmarks/challenge/generate.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from bijak.ml.challenge import main

if __name__ == "__main__":
    sys.exit(main(["--dir", str(Path(__file__).resolve().parent)]))
