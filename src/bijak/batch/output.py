"""Writing a bulk scan's results so that a killed job loses nothing and duplicates nothing.

The output folder holds:

- ``_job.json``: the job's fingerprint (input files, options, policy). A folder that holds
  another job's results is refused rather than mixed.
- ``part-NNNNNN.parquet`` (or ``.jsonl``): one file per partition, one compact row per post.
- ``rejects/part-NNNNNN.jsonl`` and ``rejects/plan.jsonl``: what could not be read, and why.
- ``_done/part-NNNNNN.json``: the completion marker of a partition: its input range, the hash
  of the records it read, and the SHA-256 of its output and rejects files.
- ``_summary.json``: totals of the last completed run.

Every file is written under a temporary name, flushed to disk and renamed; a partition counts
as finished only when its marker exists and the files it names have the hashes it records. A
run after a SIGKILL therefore redoes exactly the unfinished partitions, under the same names.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bijak.batch.inputs import PartitionSpec, Reject

if TYPE_CHECKING:  # pragma: no cover
    from bijak.batch import ScanRow, ScanVersions

JOB_FILE = "_job.json"
SUMMARY_FILE = "_summary.json"
DONE_DIR = "_done"
REJECTS_DIR = "rejects"
OUTPUT_FORMATS = ("parquet", "jsonl")


class OutputError(Exception):
    """The output folder cannot be used for this job."""


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """``data`` at ``path`` all at once: a temporary file in the same folder, fsync, rename."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
    _fsync_dir(path.parent)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def part_name(index: int, fmt: str) -> str:
    return f"part-{index:06d}.{fmt}"


def prepare_output(out: Path, fingerprint: dict[str, Any]) -> bool:
    """Make ``out`` ready for the job; True when it resumes an earlier run of the same job.

    Refuses a folder that holds files of another job (a different fingerprint) or files that are
    not a bijak scan's. Leftover temporary files of a killed run are removed."""
    out.mkdir(parents=True, exist_ok=True)
    job = out / JOB_FILE
    entries = [p for p in out.iterdir()]
    if job.exists():
        try:
            earlier = json.loads(job.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise OutputError(f"{job}: bukan berkas pekerjaan bijak scan ({exc})") from exc
        if earlier != fingerprint:
            raise OutputError(
                f"folder keluaran {out} berisi hasil pekerjaan lain (masukan, kolom, format atau "
                "kebijakan berbeda); pakai folder kosong atau hapus isinya"
            )
        resumed = True
    elif entries:
        raise OutputError(
            f"folder keluaran {out} tidak kosong dan bukan hasil bijak scan; pakai folder kosong"
        )
    else:
        write_atomic(job, _dumps(fingerprint, indent=1))
        resumed = False
    for sub in (DONE_DIR, REJECTS_DIR):
        (out / sub).mkdir(exist_ok=True)
    for folder in (out, out / DONE_DIR, out / REJECTS_DIR):
        for leftover in folder.glob(".*.tmp-*"):
            leftover.unlink(missing_ok=True)
    return resumed


def _dumps(obj: Any, *, indent: int | None = None) -> bytes:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=indent).encode("utf-8")


def write_plan_rejects(out: Path, rejects: Sequence[Reject]) -> None:
    lines = b"".join(_dumps(r.to_dict()) + b"\n" for r in rejects)
    write_atomic(out / REJECTS_DIR / "plan.jsonl", lines)


def is_done(out: Path, spec: PartitionSpec, fmt: str) -> bool:
    """True when ``spec``'s marker exists, describes this input range, and the files it names
    are intact."""
    marker = out / DONE_DIR / f"part-{spec.index:06d}.json"
    try:
        done = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if done.get("input") != spec.key() or done.get("format") != fmt:
        return False
    for name, digest in done.get("files", {}).items():
        path = out / name
        if not path.exists() or sha256_file(path) != digest:
            return False
    return True


def row_dict(record_id: str, source: str, location: str, row: ScanRow) -> dict[str, Any]:
    return {
        "id": record_id,
        "source": source,
        "location": location,
        "verdict": row.verdict,
        "score": round(float(row.score), 4),
        "categories": [
            {"id": c.id, "score": round(float(c.score), 4), "verdict": c.verdict}
            for c in row.categories
        ],
        "clauses": [c.id for c in row.clauses],
        "versions": _versions_key(row),
    }


def _versions_key(row: ScanRow) -> str:
    return _versions_json(row.versions)


@lru_cache(maxsize=64)
def _versions_json(versions: ScanVersions) -> str:
    """The versions as compact JSON, once per distinct (frozen, hashable) value."""
    return json.dumps(versions.to_dict(), sort_keys=True, separators=(",", ":"))


def _parquet_bytes(rows: Sequence[dict[str, Any]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("location", pa.string()),
            ("verdict", pa.string()),
            ("score", pa.float32()),
            (
                "categories",
                pa.list_(
                    pa.struct(
                        [("id", pa.string()), ("score", pa.float32()), ("verdict", pa.string())]
                    )
                ),
            ),
            ("clauses", pa.list_(pa.string())),
            ("versions", pa.string()),
        ]
    )
    table = pa.Table.from_pylist(list(rows), schema=schema)
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd", use_dictionary=True)
    return bytes(sink.getvalue().to_pybytes())


def write_partition(
    out: Path,
    spec: PartitionSpec,
    fmt: str,
    rows: Sequence[dict[str, Any]],
    rejects: Iterable[Reject],
    *,
    input_sha256: str,
) -> dict[str, str]:
    """Write one partition's rows and rejects, then its completion marker (last)."""
    name = part_name(spec.index, fmt)
    if fmt == "parquet":
        data = _parquet_bytes(rows)
    else:
        data = b"".join(_dumps(r) + b"\n" for r in rows)
    files: dict[str, str] = {}
    write_atomic(out / name, data)
    files[name] = hashlib.sha256(data).hexdigest()
    reject_list = list(rejects)
    rej_name = f"{REJECTS_DIR}/part-{spec.index:06d}.jsonl"
    if reject_list:
        rdata = b"".join(_dumps(r.to_dict()) + b"\n" for r in reject_list)
        write_atomic(out / rej_name, rdata)
        files[rej_name] = hashlib.sha256(rdata).hexdigest()
    else:
        (out / rej_name).unlink(missing_ok=True)
    marker = {
        "input": spec.key(),
        "input_sha256": input_sha256,
        "format": fmt,
        "rows": len(rows),
        "rejects": len(reject_list),
        "files": files,
    }
    write_atomic(out / DONE_DIR / f"part-{spec.index:06d}.json", _dumps(marker, indent=1))
    return files


def write_summary(out: Path, summary: dict[str, Any]) -> None:
    write_atomic(out / SUMMARY_FILE, _dumps(summary, indent=1))


def read_output_rows(out: Path) -> list[dict[str, Any]]:
    """Every row of a finished scan's output, in partition order (for tests and small jobs)."""
    rows: list[dict[str, Any]] = []
    for path in sorted(out.glob("part-*.*")):
        if path.suffix == ".parquet":
            import pyarrow.parquet as pq

            rows.extend(pq.read_table(path).to_pylist())
        elif path.suffix == ".jsonl":
            rows.extend(json.loads(line) for line in path.read_text("utf-8").splitlines() if line)
    return rows
