"""``bijak scan``: one core (:func:`bijak.batch.scan_partition`), three runners.

- ``local``: this process, partition after partition;
- ``processes``: ``N`` local worker processes (``--workers N``);
- ``dask``: a Dask cluster (``--scheduler tcp://HOST:PORT``, or ``--dask-local N`` for a
  LocalCluster of ``N`` worker processes).

Every runner maps the same :func:`process_partition` over the plan: the worker reads its own
slice of the input, scans it, and writes its files itself, so no result travels back to the
client but a small :class:`PartitionResult`. What is sent to a worker is the partition spec
(a few numbers) and the policy (small and picklable; on Dask it is scattered once); each worker
process builds its pipeline once and keeps it (``bijak.batch.pipeline_for``). At most
``2 × workers`` partitions are in flight, so memory stays bounded on both sides.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bijak.batch.inputs import PartitionSpec, Plan, Record, Reject, plan_partitions, read_partition
from bijak.batch.output import (
    DONE_DIR,
    OUTPUT_FORMATS,
    OutputError,
    is_done,
    prepare_output,
    row_dict,
    write_partition,
    write_plan_rejects,
    write_summary,
)

if TYPE_CHECKING:  # pragma: no cover
    from bijak.policy import Policy

SCAN_FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class PartitionResult:
    index: int
    rows: int
    rejects: int
    verdicts: dict[str, int]
    pid: int
    seconds: float
    rss_kib: int
    """The worker process's resident memory after this partition."""
    peak_rss_kib: int
    """The worker process's peak resident memory so far."""


@dataclass
class ScanSummary:
    runner: str
    workers: int
    partitions: int
    partitions_skipped: int
    rows: int = 0
    rejects: int = 0
    plan_rejects: int = 0
    verdicts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    resumed: bool = False
    worker_rss: dict[int, list[int]] = field(default_factory=dict)
    worker_peak_rss_kib: dict[int, int] = field(default_factory=dict)
    posts_per_s_steady: float = 0.0
    """Throughput once every worker has finished its first partition (start-up, pipeline
    building and a Dask cluster's launch excluded): the figure that scales with workers."""
    total_rows: int = 0
    """Rows in the output folder after this run (earlier runs of the same job included)."""
    total_rejects: int = 0

    @property
    def posts_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "runner": self.runner,
            "workers": self.workers,
            "partitions": self.partitions,
            "partitions_skipped": self.partitions_skipped,
            "rows": self.rows,
            "rejects": self.rejects + self.plan_rejects,
            "verdicts": dict(sorted(self.verdicts.items())),
            "seconds": round(self.seconds, 3),
            "posts_per_s": round(self.posts_per_s, 1),
            "posts_per_s_steady": round(self.posts_per_s_steady, 1),
            "resumed": self.resumed,
            "total_rows": self.total_rows,
            "total_rejects": self.total_rejects + self.plan_rejects,
            "worker_peak_rss_mib": {
                str(pid): round(kib / 1024, 1) for pid, kib in self.worker_peak_rss_kib.items()
            },
        }


def _rss_kib() -> int:
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * (os.sysconf("SC_PAGE_SIZE") // 1024)
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0


def process_partition(
    spec: PartitionSpec, policy: Policy, out_dir: str, fmt: str
) -> PartitionResult:
    """Read, scan and write one partition (runs in a worker)."""
    from bijak.batch import scan_partition

    t0 = time.perf_counter()
    records: list[Record] = []
    rejects: list[Reject] = []
    digest = hashlib.sha256()
    for item in read_partition(spec):
        if isinstance(item, Record):
            records.append(item)
            digest.update(item.id.encode("utf-8", "surrogatepass") + b"\0")
            digest.update(item.text.encode("utf-8", "surrogatepass") + b"\0")
        else:
            rejects.append(item)
    scanned = scan_partition([r.text for r in records], policy=policy)
    rows = [row_dict(r.id, r.source, r.location, s) for r, s in zip(records, scanned, strict=True)]
    write_partition(Path(out_dir), spec, fmt, rows, rejects, input_sha256=digest.hexdigest())
    verdicts = Counter(r["verdict"] for r in rows)
    return PartitionResult(
        index=spec.index,
        rows=len(rows),
        rejects=len(rejects),
        verdicts=dict(verdicts),
        pid=os.getpid(),
        seconds=time.perf_counter() - t0,
        rss_kib=_rss_kib(),
        peak_rss_kib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    )


def fingerprint(
    plan: Plan,
    *,
    policy: Policy,
    fmt: str,
    text_column: str,
    id_column: str | None,
    partition_rows: int,
) -> dict[str, Any]:
    return {
        "bijak_scan": SCAN_FORMAT_VERSION,
        "files": [list(f) for f in plan.files],
        "format": fmt,
        "text_column": text_column,
        "id_column": id_column,
        "partition_rows": partition_rows,
        "policy": {"id": policy.id, "version": policy.version, "hash": policy.content_hash},
    }


Progress = Callable[[PartitionResult], None]


def _run_local(
    todo: Sequence[PartitionSpec], policy: Policy, out: str, fmt: str
) -> Iterator[PartitionResult]:
    for spec in todo:
        yield process_partition(spec, policy, out, fmt)


def _run_processes(
    todo: Sequence[PartitionSpec], policy: Policy, out: str, fmt: str, workers: int
) -> Iterator[PartitionResult]:
    ctx = get_context("spawn")  # no inherited threads or open files; each worker loads once
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending: set[Future[PartitionResult]] = set()
        queue = list(todo)
        queue.reverse()
        while queue or pending:
            while queue and len(pending) < 2 * workers:
                pending.add(pool.submit(process_partition, queue.pop(), policy, out, fmt))
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                yield fut.result()


def _run_dask(
    todo: Sequence[PartitionSpec],
    policy: Policy,
    out: str,
    fmt: str,
    *,
    scheduler: str | None,
    local_workers: int,
) -> Iterator[PartitionResult]:
    import importlib

    distributed: Any = importlib.import_module("distributed")  # an untyped library
    Client, LocalCluster, as_completed = (
        distributed.Client,
        distributed.LocalCluster,
        distributed.as_completed,
    )

    dask_config: Any = importlib.import_module("dask").config
    # A worker samples its own stacks every 10 ms and the GIL every 1 ms by default: useful on a
    # dashboard, a measurable cost on every partition here (bijak scan has no dashboard).
    dask_config.set(
        {
            "distributed.worker.profile.enabled": False,
            "distributed.admin.system-monitor.gil.enabled": False,
        }
    )
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(
            n_workers=local_workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        )
        client = Client(cluster)
    try:
        nworkers = max(1, len(client.scheduler_info().get("workers", {})) or local_workers)
        [policy_f] = client.scatter([policy], broadcast=True)
        queue = list(todo)
        queue.reverse()
        ac = as_completed()
        inflight = 0
        while queue and inflight < 2 * nworkers:
            ac.add(client.submit(process_partition, queue.pop(), policy_f, out, fmt, pure=False))
            inflight += 1
        for fut in ac:
            result = fut.result()
            fut.release()
            inflight -= 1
            if queue:
                ac.add(
                    client.submit(process_partition, queue.pop(), policy_f, out, fmt, pure=False)
                )
                inflight += 1
            yield result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_scan(
    inputs: Sequence[str],
    out: str | Path,
    *,
    policy: Policy | None = None,
    fmt: str = "parquet",
    text_column: str = "text",
    id_column: str | None = "id",
    input_format: str | None = None,
    partition_rows: int = 20_000,
    workers: int = 1,
    scheduler: str | None = None,
    dask_local: int = 0,
    progress: Callable[[int, int], None] | None = None,
    on_plan: Callable[[Plan, int], None] | None = None,
) -> ScanSummary:
    """Scan ``inputs`` into ``out``; resumes a killed run of the same job. ``progress(rows, rejects)``
    is called after each finished partition."""
    if fmt not in OUTPUT_FORMATS:
        raise OutputError(f"format keluaran tidak dikenal: {fmt} (pilih parquet atau jsonl)")
    if policy is None:
        from bijak.policy import load_policy

        policy = load_policy()
    out_path = Path(out)
    plan = plan_partitions(
        inputs,
        text_column=text_column,
        id_column=id_column,
        partition_rows=partition_rows,
        fmt=input_format,
    )
    fp = fingerprint(
        plan,
        policy=policy,
        fmt=fmt,
        text_column=text_column,
        id_column=id_column,
        partition_rows=partition_rows,
    )
    resumed = prepare_output(out_path, fp)
    write_plan_rejects(out_path, plan.rejects)
    todo = [s for s in plan.partitions if not (resumed and is_done(out_path, s, fmt))]
    if scheduler or dask_local:
        runner, nworkers = "dask", dask_local or 0
    elif workers > 1:
        runner, nworkers = "processes", workers
    else:
        runner, nworkers = "local", 1
    summary = ScanSummary(
        runner=runner,
        workers=nworkers,
        partitions=len(plan.partitions),
        partitions_skipped=len(plan.partitions) - len(todo),
        plan_rejects=len(plan.rejects),
        resumed=resumed,
    )
    if on_plan is not None:
        on_plan(plan, sum(s.rows for s in todo))
    t0 = time.perf_counter()
    if runner == "dask":
        results = _run_dask(
            todo, policy, str(out_path), fmt, scheduler=scheduler, local_workers=dask_local or 2
        )
    elif runner == "processes":
        results = _run_processes(todo, policy, str(out_path), fmt, workers)
    else:
        results = _run_local(todo, policy, str(out_path), fmt)
    verdicts: Counter[str] = Counter()
    stamps: list[tuple[float, int]] = []
    for res in results:
        stamps.append((time.perf_counter(), res.rows))
        summary.rows += res.rows
        summary.rejects += res.rejects
        verdicts.update(res.verdicts)
        summary.worker_rss.setdefault(res.pid, []).append(res.rss_kib)
        summary.worker_peak_rss_kib[res.pid] = max(
            summary.worker_peak_rss_kib.get(res.pid, 0), res.peak_rss_kib
        )
        if progress is not None:
            progress(res.rows, res.rejects)
    summary.seconds = time.perf_counter() - t0
    warm = max(1, len({pid for pid in summary.worker_peak_rss_kib}))
    if len(stamps) > warm:
        span = stamps[-1][0] - stamps[warm - 1][0]
        if span > 0:
            summary.posts_per_s_steady = sum(n for _t, n in stamps[warm:]) / span
    summary.verdicts = dict(verdicts)
    if runner == "dask" and summary.worker_peak_rss_kib:
        summary.workers = len(summary.worker_peak_rss_kib)
    for spec in plan.partitions:
        marker = out_path / DONE_DIR / f"part-{spec.index:06d}.json"
        done = json.loads(marker.read_text(encoding="utf-8"))
        summary.total_rows += int(done["rows"])
        summary.total_rejects += int(done["rejects"])
    write_summary(out_path, summary.to_dict())
    return summary
