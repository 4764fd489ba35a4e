"""Shared fixtures for the engine tests."""

from __future__ import annotations

import pytest

from bijak.engine import Pipeline, default_pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()
