"""The frozen result of analysing one text, and its JSON form (``report.schema.json``).

``Report.to_dict()`` is the stable, documented shape (``schema_version`` "1"); see
docs/report-schema.md. Nothing here imports Django.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

from bijak.engine._frozen import builder
from bijak.engine.findings import Finding

SCHEMA_VERSION = "1"
Verdict = Literal["aman", "tinjau", "langgar"]
VERDICT_RANK: Mapping[str, int] = MappingProxyType({"aman": 0, "tinjau": 1, "langgar": 2})


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    start: int
    end: int
    text: str  # masked for personal data
    category: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "category": self.category,
            "score": round(self.score, 4),
        }


@dataclass(frozen=True, slots=True)
class CategoryResult:
    id: str
    kind: str  # breach | caution | positive
    score: float
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "score": round(self.score, 4),
            "verdict": self.verdict,
        }


@dataclass(frozen=True, slots=True)
class ClauseResult:
    id: str
    kind: str
    severity: str
    verdict: Verdict
    categories: tuple[str, ...]
    score: float
    text: str
    explanation: str
    advice: str
    evidence: tuple[EvidenceSpan, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "severity": self.severity,
            "verdict": self.verdict,
            "categories": list(self.categories),
            "score": round(self.score, 4),
            "text": self.text,
            "explanation": self.explanation,
            "advice": self.advice,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    id: str
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text}


@dataclass(frozen=True, slots=True)
class Versions:
    engine: str
    normalizer: str
    policy_id: str
    policy_version: str
    policy_hash: str
    lexicons: Mapping[str, str]
    recognizers: tuple[str, ...]
    model: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "normalizer": self.normalizer,
            "policy": {
                "id": self.policy_id,
                "version": self.policy_version,
                "hash": self.policy_hash,
            },
            "lexicons": dict(self.lexicons),
            "recognizers": list(self.recognizers),
            "model": self.model,
        }


@dataclass(frozen=True, slots=True)
class Clarification:
    """A debunked claim the text matches, with the correct fact to share instead (A.8)."""

    claim_id: str
    claim: str
    fact: str
    source: str
    similarity: float
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim_id,
            "claim": self.claim,
            "fact": self.fact,
            "source": self.source,
            "similarity": round(self.similarity, 4),
            "start": self.start,
            "end": self.end,
        }


def clarifications_of(findings: tuple[Finding, ...]) -> tuple[Clarification, ...]:
    """The clarifications of the claim-matching findings still standing (not withdrawn)."""
    out: dict[str, Clarification] = {}
    for f in findings:
        cid = f.meta.get("claim_id")
        if not cid or f.score <= 0.0 or cid in out:
            continue
        out[cid] = Clarification(
            cid,
            f.meta.get("claim", ""),
            f.meta.get("fact", ""),
            f.meta.get("source", ""),
            float(f.meta.get("similarity", "0") or 0),
            f.start,
            f.end,
        )
    return tuple(out.values())


@dataclass(frozen=True, slots=True)
class Report:
    verdict: Verdict
    verdict_label: str
    lang: str
    platform: str | None
    text_length: int
    truncated: bool
    masked_text: str
    findings: tuple[Finding, ...]
    categories: tuple[CategoryResult, ...]
    clauses: tuple[ClauseResult, ...]
    checklist: tuple[ChecklistItem, ...]
    versions: Versions
    clarifications: tuple[Clarification, ...] = ()
    schema_version: str = field(default=SCHEMA_VERSION)

    def category_scores(self) -> dict[str, float]:
        """``category -> score`` for every category with evidence (used by ``bijak eval``)."""
        return {c.id: c.score for c in self.categories}

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema_version": self.schema_version,
            "verdict": self.verdict,
            "verdict_label": self.verdict_label,
            "lang": self.lang,
            "platform": self.platform,
            "text_length": self.text_length,
            "truncated": self.truncated,
            "masked_text": self.masked_text,
            "categories": [c.to_dict() for c in self.categories],
            "clauses": [c.to_dict() for c in self.clauses],
            "checklist": [c.to_dict() for c in self.checklist],
            "findings": [f.to_dict() for f in self.findings],
            "clarifications": [c.to_dict() for c in self.clarifications],
            "versions": self.versions.to_dict(),
        }

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


_build_report = builder(Report)


def build_report(
    verdict: Verdict,
    verdict_label: str,
    lang: str,
    platform: str | None,
    text_length: int,
    truncated: bool,
    masked_text: str,
    findings: tuple[Finding, ...],
    categories: tuple[CategoryResult, ...],
    clauses: tuple[ClauseResult, ...],
    checklist: tuple[ChecklistItem, ...],
    versions: Versions,
    clarifications: tuple[Clarification, ...] = (),
) -> Report:
    """``Report(...)``, built quickly (see ``bijak.engine._frozen``); the pipeline builds one
    per post."""
    return _build_report(
        verdict,
        verdict_label,
        lang,
        platform,
        text_length,
        truncated,
        masked_text,
        findings,
        categories,
        clauses,
        checklist,
        versions,
        clarifications,
        SCHEMA_VERSION,
    )


def report_schema() -> dict[str, Any]:
    """The JSON Schema of ``Report.to_dict()``."""
    text = resources.files("bijak.engine").joinpath("report.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
