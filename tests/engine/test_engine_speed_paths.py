"""The engine's fast paths change nothing but speed (issue 10: speed within 20% of the first
wave). Each fast path is checked against the plain computation it replaces; the digest of every
report over a fixed corpus (``scripts/engine_digest.py``) is the end-to-end check."""

from __future__ import annotations

import gc

import pytest

from bijak.engine import Pipeline


def test_bulk_mode_pauses_the_cyclic_collector_and_restores_it(pipeline: Pipeline) -> None:
    texts = ["Vaksin mengandung chip 5G, sebarkan!", "NIK saya 3201231508850003", ""]
    assert gc.isenabled()
    reports = pipeline.analyze_batch(texts)
    assert gc.isenabled()
    assert [r.to_json() for r in reports] == [
        pipeline.analyze(t, explain=False).to_json() for t in texts
    ]
    # nothing the engine builds is cyclic: a batch leaves no garbage for the collector
    gc.collect()
    gc.disable()
    try:
        del reports
        pipeline.analyze_batch(texts * 20)
        assert gc.collect() == 0
    finally:
        gc.enable()


def test_bulk_mode_leaves_a_disabled_collector_disabled_and_restores_it_on_error(
    pipeline: Pipeline,
) -> None:
    gc.disable()
    try:
        pipeline.analyze_batch(["halo"])
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(TypeError):
        pipeline.analyze_batch(["halo", 3])  # type: ignore[list-item]
    assert gc.isenabled()
