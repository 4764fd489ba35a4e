"""`bijak benchmark api` runs the real server and reports latency and throughput."""

from __future__ import annotations

import pytest

from bijak.site.api.benchmark import _percentile, run_api_benchmark


def test_percentile_nearest_rank():
    values = [float(v) for v in range(1, 101)]
    assert (_percentile(values, 50), _percentile(values, 99), _percentile(values, 100)) == (
        50.0,
        99.0,
        100.0,
    )


@pytest.mark.slow
def test_benchmark_measures_the_live_api():
    results = run_api_benchmark(rate=20, duration=1.0, concurrency=4, processes=1)
    assert results["requests"] == 20 and results["ok"] == 20 and results["errors"] == 0
    assert results["statuses"] == {"200": 20}
    latency = results["latency_ms"]
    assert 0 < latency["p50"] <= latency["p90"] <= latency["p99"] <= latency["max"]
    assert results["achieved_rate_per_s"] > 0  # how fast is measured, not asserted
    assert results["server"].startswith("bijak serve --processes 1")
