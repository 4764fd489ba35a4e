"""Batch scanning core: one pure function that every runner maps over partitions.

::

    from bijak.batch import scan_partition
    rows = scan_partition(["teks satu", "teks dua"], policy=policy)
    rows[0].verdict, rows[0].clauses, rows[0].versions.policy_hash

``scan_partition`` knows nothing of Django or Dask: the site's monitoring scans (a django-tasks
task), ``bijak scan`` (local processes) and a Dask cluster all call it on a bounded list of
texts. The :class:`~bijak.policy.Policy` is small and picklable, so runners send the policy, and
each process builds its pipeline once (:func:`pipeline_for`, cached by the policy's content
hash; the engine's ``Pipeline`` does not pickle and takes seconds to build).

A :class:`ScanRow` is compact: verdict, categories with scores, clause ids and the versions that
produced it. ``keep_text=True`` adds the masked text and the evidence spans, which a review desk
shows and a bulk scan leaves out.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine import Pipeline, Report
    from bijak.policy import Policy

Verdict = Literal["aman", "tinjau", "langgar"]

BATCH_VERSION = "bijak.batch.v1"


@dataclass(frozen=True, slots=True)
class CategoryScore:
    id: str
    score: float
    verdict: Verdict

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "score": round(self.score, 4), "verdict": self.verdict}


@dataclass(frozen=True, slots=True)
class ClauseHit:
    id: str
    verdict: Verdict
    score: float
    categories: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "verdict": self.verdict,
            "score": round(self.score, 4),
            "categories": list(self.categories),
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the ORIGINAL text (offsets), its category and score; ``text`` is masked."""

    start: int
    end: int
    category: str
    score: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "category": self.category,
            "score": round(self.score, 4),
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class ScanVersions:
    engine: str
    normalizer: str
    model: str | None
    policy_id: str
    policy_version: str
    policy_hash: str
    lexicons: tuple[tuple[str, str], ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "engine": self.engine,
            "normalizer": self.normalizer,
            "model": self.model,
            "policy": {
                "id": self.policy_id,
                "version": self.policy_version,
                "hash": self.policy_hash,
            },
            "lexicons": dict(self.lexicons),
        }


@dataclass(frozen=True, slots=True)
class ScanRow:
    """The result of scanning one post."""

    verdict: Verdict
    score: float
    categories: tuple[CategoryScore, ...]
    clauses: tuple[ClauseHit, ...]
    text_length: int
    truncated: bool
    versions: ScanVersions
    masked_text: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def clause_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.clauses)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "score": round(self.score, 4),
            "categories": [c.to_dict() for c in self.categories],
            "clauses": [c.to_dict() for c in self.clauses],
            "text_length": self.text_length,
            "truncated": self.truncated,
            "versions": self.versions.to_dict(),
        }
        if self.masked_text is not None:
            out["masked_text"] = self.masked_text
            out["evidence"] = [e.to_dict() for e in self.evidence]
        return out


_lock = threading.Lock()
_pipelines: dict[str, Pipeline] = {}
_versions: dict[str, ScanVersions] = {}


def pipeline_for(policy: Policy) -> Pipeline:
    """This process's pipeline for ``policy``, built on first use and then reused (keyed by
    the policy's content hash, so an equal policy received by pickling finds the same one)."""
    pipe = _pipelines.get(policy.content_hash)
    if pipe is None:
        with _lock:
            pipe = _pipelines.get(policy.content_hash)
            if pipe is None:
                from bijak.engine import Pipeline

                pipe = Pipeline(policy=policy)
                _pipelines[policy.content_hash] = pipe
                _versions[policy.content_hash] = _scan_versions(pipe)
    return pipe


def pipelines_built() -> int:
    """How many pipelines this process holds (one per distinct policy)."""
    return len(_pipelines)


def _scan_versions(pipe: Pipeline) -> ScanVersions:
    v = pipe.versions
    lexicons: Mapping[str, str] = v.lexicons
    return ScanVersions(
        engine=v.engine,
        normalizer=v.normalizer,
        model=v.model,
        policy_id=v.policy_id,
        policy_version=v.policy_version,
        policy_hash=v.policy_hash,
        lexicons=tuple(sorted(lexicons.items())),
    )


def _row(report: Report, versions: ScanVersions, keep_text: bool) -> ScanRow:
    categories = tuple(
        CategoryScore(id=c.id, score=c.score, verdict=c.verdict)
        for c in report.categories
        if c.kind != "positive"
    )
    clauses = tuple(
        ClauseHit(id=c.id, verdict=c.verdict, score=c.score, categories=c.categories)
        for c in report.clauses
        if c.verdict != "aman"
    )
    score = max((c.score for c in clauses), default=0.0)
    evidence: tuple[Evidence, ...] = ()
    if keep_text:
        seen: set[tuple[int, int, str]] = set()
        spans = []
        for clause in report.clauses:
            for e in clause.evidence:
                key = (e.start, e.end, e.category)
                if key not in seen:
                    seen.add(key)
                    spans.append(
                        Evidence(
                            start=e.start,
                            end=e.end,
                            category=e.category,
                            score=e.score,
                            text=e.text,
                        )
                    )
        evidence = tuple(sorted(spans, key=lambda s: (s.start, s.end, s.category)))
    return ScanRow(
        verdict=report.verdict,
        score=score,
        categories=categories,
        clauses=clauses,
        text_length=report.text_length,
        truncated=report.truncated,
        versions=versions,
        masked_text=report.masked_text if keep_text else None,
        evidence=evidence,
    )


def scan_partition(
    texts: Sequence[str],
    *,
    policy: Policy,
    lang: str = "id",
    keep_text: bool = False,
) -> list[ScanRow]:
    """Scan one partition of texts with this process's pipeline for ``policy``; one
    :class:`ScanRow` per text, in order. No Django, no Dask; safe to call from any runner."""
    pipe = pipeline_for(policy)
    versions = _versions[policy.content_hash]
    reports = pipe.analyze_batch(list(texts), lang=lang, explain=False)
    return [_row(r, versions, keep_text) for r in reports]


__all__ = [
    "BATCH_VERSION",
    "CategoryScore",
    "ClauseHit",
    "Evidence",
    "ScanRow",
    "ScanVersions",
    "pipeline_for",
    "pipelines_built",
    "scan_partition",
]
