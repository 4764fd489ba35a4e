"""Helpers for the engine tests (imported by name: tests have no packages)."""

from __future__ import annotations

from bijak.engine.findings import Finding, Recognizer
from bijak.engine.normalize import normalize


def run(rec: Recognizer, text: str) -> list[Finding]:
    return sorted(rec.analyze(normalize(text)), key=lambda f: (f.start, f.end))


def span_of(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)
