"""bijak — bijak bermedia sosial.

The public Python API of the engine::

    import bijak
    report = bijak.analyze("teks unggahan")
    reports = bijak.analyze_batch(["...", "..."])

The engine (``bijak.engine``) and the policy model (``bijak.policy``) never import Django.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from bijak.engine.report import Report


def analyze(text: str, **kwargs: Any) -> Report:
    """Analyse one post; see :func:`bijak.engine.analyze`."""
    from bijak.engine import analyze as _analyze

    return _analyze(text, **kwargs)


def analyze_batch(texts: Any, **kwargs: Any) -> list[Report]:
    """Analyse many posts with one loaded pipeline; see :func:`bijak.engine.analyze_batch`."""
    from bijak.engine import analyze_batch as _analyze_batch

    return _analyze_batch(texts, **kwargs)


__all__ = ["__version__", "analyze", "analyze_batch"]
