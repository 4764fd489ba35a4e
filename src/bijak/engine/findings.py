"""The frozen value a recognizer returns, and the protocol every recognizer follows.

A :class:`Finding` says: this span of the ORIGINAL text is evidence for this category, with
this score, found by this recognizer (a versioned name such as ``bijak.nik.v1``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from bijak.engine._frozen import builder

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.normalize import NormalizedText

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Finding:
    """One piece of evidence.

    ``start``/``end`` are offsets in the ORIGINAL text (``0 <= start <= end <= len(text)``);
    ``score`` is in [0, 1]; ``evidence`` is the original slice, masked for personal data;
    ``explanation`` is short Indonesian and may be ``""`` in bulk mode; ``meta`` is read-only.
    """

    category: str
    start: int
    end: int
    score: float
    recognizer: str
    evidence: str
    explanation: str = ""
    meta: Mapping[str, str] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score {self.score} outside [0, 1]")
        if not isinstance(self.meta, MappingProxyType):
            object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    def to_dict(self) -> dict[str, object]:
        return {
            "category": self.category,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "recognizer": self.recognizer,
            "evidence": self.evidence,
            "explanation": self.explanation,
            "meta": dict(self.meta),
        }


@runtime_checkable
class Recognizer(Protocol):
    """What the pipeline calls. ``analyze`` must never raise on any normalised text."""

    name: str
    categories: tuple[str, ...]

    def analyze(self, doc: NormalizedText) -> list[Finding]: ...


def new_finding(
    category: str,
    start: int,
    end: int,
    score: float,
    recognizer: str,
    evidence: str,
    meta: dict[str, str],
) -> Finding:
    """A :class:`Finding` built without ``__init__`` checks, for the engine's own recognizers
    whose spans and scores are correct by construction (spans from tokens, weights validated
    when the lexicon was loaded). Other code uses ``Finding(...)``."""
    return _build_finding(
        category, start, end, score, recognizer, evidence, "", MappingProxyType(meta)
    )


_build_finding = builder(Finding)


def clamp(score: float) -> float:
    """Clamp a score into [0, 1]."""
    return 0.0 if score < 0.0 else 1.0 if score > 1.0 else score


def noisy_or(scores: list[float] | tuple[float, ...]) -> float:
    """Combine independent pieces of evidence: ``1 - prod(1 - s)``."""
    rest = 1.0
    for s in scores:
        rest *= 1.0 - s
    return clamp(1.0 - rest)
