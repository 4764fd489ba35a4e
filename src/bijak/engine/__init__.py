"""The bijak engine: pure Python, never imports Django.

::

    from bijak.engine import analyze, analyze_batch, Pipeline
    report = analyze("teks unggahan", lang="id")
    report.verdict            # "aman" | "tinjau" | "langgar"
    report.to_json()          # schema: src/bijak/engine/report.schema.json

normalise -> recognizers (``bijak.engine.recognizers``, registry in ``bijak.engine.registry``)
-> findings -> policy mapping (``bijak.engine.mapping``) -> :class:`~bijak.engine.report.Report`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bijak.engine.findings import Finding, Recognizer
from bijak.engine.masking import mask_text
from bijak.engine.pipeline import MAX_CHARS, Pipeline, default_pipeline
from bijak.engine.report import Report

if TYPE_CHECKING:  # pragma: no cover
    from bijak.policy import Policy


def analyze(
    text: str,
    *,
    lang: str = "id",
    platform: str | None = None,
    explain: bool = True,
    policy: Policy | None = None,
) -> Report:
    """Analyse one post against ``policy`` (the shipped one by default)."""
    return default_pipeline(policy).analyze(text, lang=lang, platform=platform, explain=explain)


def analyze_batch(
    texts: Iterable[str],
    *,
    lang: str = "id",
    platform: str | None = None,
    explain: bool = False,
    policy: Policy | None = None,
) -> list[Report]:
    """Analyse many posts with one loaded pipeline (bulk mode: no explanations by default)."""
    return default_pipeline(policy).analyze_batch(
        texts, lang=lang, platform=platform, explain=explain
    )


__all__ = [
    "MAX_CHARS",
    "Finding",
    "Pipeline",
    "Recognizer",
    "Report",
    "analyze",
    "analyze_batch",
    "default_pipeline",
    "mask_text",
]
