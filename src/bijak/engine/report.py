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


def _num(value: Any, default: float = 0.0) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _int(value: Any) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        return 0


def _verdict(value: Any) -> Verdict:
    text = str(value or "aman")
    return text if text in VERDICT_RANK else "aman"  # type: ignore[return-value]


def _items(data: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = data.get(key)
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, Mapping)]


def _evidence_from(item: Mapping[str, Any]) -> EvidenceSpan:
    return EvidenceSpan(
        _int(item.get("start")),
        _int(item.get("end")),
        str(item.get("text") or ""),
        str(item.get("category") or ""),
        _num(item.get("score")),
    )


def _finding_from(item: Mapping[str, Any]) -> Finding | None:
    meta = item.get("meta")
    try:
        return Finding(
            category=str(item.get("category") or ""),
            start=_int(item.get("start")),
            end=_int(item.get("end")),
            score=min(1.0, max(0.0, _num(item.get("score")))),
            recognizer=str(item.get("recognizer") or ""),
            evidence=str(item.get("evidence") or ""),
            explanation=str(item.get("explanation") or ""),
            meta={str(k): str(v) for k, v in meta.items()} if isinstance(meta, Mapping) else {},
        )
    except ValueError:  # a span that ends before it starts: not evidence of anything
        return None


def report_from_dict(data: Mapping[str, Any]) -> Report:
    """The :class:`Report` back from its JSON form (``Report.to_dict()``), e.g. a report a user
    kept in the database. Tolerant of older or partial reports: what is missing takes its empty
    value and malformed items are left out, so a stored report always reads back."""
    versions = data.get("versions") if isinstance(data.get("versions"), Mapping) else {}
    assert isinstance(versions, Mapping)
    policy = versions.get("policy") if isinstance(versions.get("policy"), Mapping) else {}
    assert isinstance(policy, Mapping)
    lexicons = versions.get("lexicons")
    recognizers = versions.get("recognizers")
    model = versions.get("model")
    findings = tuple(f for f in map(_finding_from, _items(data, "findings")) if f is not None)
    checklist: list[ChecklistItem] = []
    for item in data.get("checklist") or ():
        if isinstance(item, Mapping):
            checklist.append(ChecklistItem(str(item.get("id") or ""), str(item.get("text") or "")))
        elif isinstance(item, str):
            checklist.append(ChecklistItem(item, ""))
    return Report(
        verdict=_verdict(data.get("verdict")),
        verdict_label=str(data.get("verdict_label") or ""),
        lang=str(data.get("lang")) if data.get("lang") in ("id", "en") else "id",
        platform=str(data["platform"]) if data.get("platform") else None,
        text_length=_int(data.get("text_length")),
        truncated=bool(data.get("truncated")),
        masked_text=str(data.get("masked_text") or ""),
        findings=findings,
        categories=tuple(
            CategoryResult(
                str(c.get("id") or ""),
                str(c.get("kind") or ""),
                _num(c.get("score")),
                _verdict(c.get("verdict")),
            )
            for c in _items(data, "categories")
        ),
        clauses=tuple(
            ClauseResult(
                id=str(c.get("id") or ""),
                kind=str(c.get("kind") or ""),
                severity=str(c.get("severity") or ""),
                verdict=_verdict(c.get("verdict")),
                categories=tuple(
                    str(x) for x in c.get("categories") or () if isinstance(x, str) and x
                ),
                score=_num(c.get("score")),
                text=str(c.get("text") or ""),
                explanation=str(c.get("explanation") or ""),
                advice=str(c.get("advice") or ""),
                evidence=tuple(_evidence_from(e) for e in _items(c, "evidence")),
            )
            for c in _items(data, "clauses")
            if c.get("id")
        ),
        checklist=tuple(checklist),
        versions=Versions(
            engine=str(versions.get("engine") or ""),
            normalizer=str(versions.get("normalizer") or ""),
            policy_id=str(policy.get("id") or ""),
            policy_version=str(policy.get("version") or ""),
            policy_hash=str(policy.get("hash") or ""),
            lexicons=MappingProxyType(
                {str(k): str(v) for k, v in lexicons.items()}
                if isinstance(lexicons, Mapping)
                else {}
            ),
            recognizers=tuple(str(r) for r in recognizers) if isinstance(recognizers, list) else (),
            model=str(model) if model else None,
        ),
        clarifications=tuple(
            Clarification(
                str(c.get("claim_id") or ""),
                str(c.get("claim") or ""),
                str(c.get("fact") or ""),
                str(c.get("source") or ""),
                _num(c.get("similarity")),
                _int(c.get("start")),
                _int(c.get("end")),
            )
            for c in _items(data, "clarifications")
        ),
        schema_version=str(data.get("schema_version") or SCHEMA_VERSION),
    )
