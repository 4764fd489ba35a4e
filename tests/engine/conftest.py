"""Fixtures shared by the engine tests (written by the bijak authors)."""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline


@pytest.fixture(scope="module")
def full() -> Pipeline:
    """The default pipeline, model included (a module that needs another defines its own)."""
    return Pipeline()
