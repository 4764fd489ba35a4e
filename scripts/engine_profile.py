"""Where the engine spends its time on the speed benchmark's posts (cProfile), and its speed
relative to the benchmark's TF-IDF baseline measured in the same run.

Written by the bijak authors. On a shared machine absolute posts/s are noisy; the ratio to the
baseline (timed in alternating rounds, best of each) is the steadier figure::

    .venv/bin/python scripts/engine_profile.py --datasets ../shared/datasets            # timing
    .venv/bin/python scripts/engine_profile.py --datasets ../shared/datasets --profile  # + cProfile
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import time
from pathlib import Path
from typing import Any

_clock = time.perf_counter


def stages(pipeline: Any, posts: list[str], rounds: int) -> None:
    """Best-of-``rounds`` microseconds per post of each stage, without the profiler's overhead."""
    from bijak.engine.normalize import normalize

    docs = [normalize(p) for p in posts]
    n = len(posts)

    def best(fn: Any) -> float:
        # the collector paused as in analyze_batch, so each stage is timed as the bulk run has it
        t_best = float("inf")
        gc.disable()
        try:
            for _ in range(rounds):
                t = _clock()
                fn()
                t_best = min(t_best, _clock() - t)
        finally:
            gc.enable()
        return t_best * 1e6 / n

    rows = [("normalize", best(lambda: [normalize(p) for p in posts]))]
    found: list[list[Any]] = [[] for _ in docs]
    for rec in pipeline.recognizers:
        batch = getattr(rec, "analyze_batch", None)
        if batch is not None:
            rows.append((rec.name, best(lambda b=batch: b(docs))))
            for acc, f in zip(found, batch(docs), strict=True):
                acc.extend(f)
        else:
            rows.append((rec.name, best(lambda r=rec: [r.analyze(d) for d in docs])))
            for acc, d in zip(found, docs, strict=True):
                acc.extend(rec.analyze(d))
    ctx = pipeline.context
    rows.append(
        (
            "context",
            best(lambda: [ctx.apply(d, list(f)) for d, f in zip(docs, found, strict=True) if f]),
        )
    )
    rows.append(("total analyze_batch", best(lambda: pipeline.analyze_batch(posts))))
    for name, us in rows:
        print(f"{name:32s} {us:8.1f} us/post")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=None)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--top", type=int, default=35)
    ap.add_argument("--sort", default="tottime")
    ap.add_argument("--stages", action="store_true", help="time each stage and recognizer")
    ap.add_argument(
        "--cpu",
        action="store_true",
        help="time with this thread's CPU time (steadier on a loaded machine: waits not counted)",
    )
    args = ap.parse_args(argv)
    global _clock
    if args.cpu:
        _clock = time.thread_time

    from threadpoolctl import threadpool_limits

    from bijak.ml.benchmarks import _one_core, baseline_pipeline, speed_posts
    from bijak.ml.data import datasets_dir, read_hs1_split

    _one_core()
    root = datasets_dir(args.datasets)
    posts = speed_posts(root)
    with threadpool_limits(1):
        import bijak.engine as engine

        pipeline = engine.default_pipeline()
        tr, _ = read_hs1_split(root, "train", 0)
        base = baseline_pipeline()
        base.fit([r.text for r in tr], [r.labels["ujaran_kebencian"] for r in tr])
        pipeline.analyze_batch(posts)  # warm caches
        t_pipe = t_base = float("inf")
        for _ in range(args.rounds):
            t = _clock()
            pipeline.analyze_batch(posts)
            t_pipe = min(t_pipe, _clock() - t)
            t = _clock()
            base.decision_function(posts)
            t_base = min(t_base, _clock() - t)
        n = len(posts)
        print(
            f"pipeline {n / t_pipe:,.0f} posts/s, baseline {n / t_base:,.0f} posts/s, "
            f"ratio {t_base / t_pipe:.3f}" + (" (CPU time)" if args.cpu else "")
        )
        if args.stages:
            stages(pipeline, posts, args.rounds)
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            pipeline.analyze_batch(posts)
            prof.disable()
            pstats.Stats(prof).sort_stats(args.sort).print_stats(args.top)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
