"""`bijak scan`: the three runners give the same rows; a killed scan resumes without losing or
duplicating a row; a folder of another job is refused. Posts are generated from sentence parts
written by the bijak authors (``bijak.batch.benchmark``)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bijak.batch.benchmark import generate_posts
from bijak.batch.output import DONE_DIR, OutputError, read_output_rows
from bijak.batch.runner import run_scan
from bijak.cli.main import app


@pytest.fixture(scope="module")
def posts(tmp_path_factory) -> Path:
    return generate_posts(tmp_path_factory.mktemp("in") / "posts.jsonl", 600)


def _key(row: dict) -> tuple:
    return (
        row["id"],
        row["verdict"],
        row["score"],
        json.dumps(row["categories"]),
        tuple(row["clauses"]),
        row["versions"],
    )


def test_local_scan_writes_one_compact_row_per_post_and_resumes_as_a_no_op(posts, tmp_path):
    out = tmp_path / "out"
    summary = run_scan([str(posts)], out, fmt="jsonl", partition_rows=100)
    rows = read_output_rows(out)
    assert summary.rows == len(rows) == 600
    assert len({r["id"] for r in rows}) == 600
    assert {r["verdict"] for r in rows} >= {"aman", "langgar"}
    flagged = next(r for r in rows if r["verdict"] == "langgar")
    assert flagged["clauses"] and flagged["categories"][0]["score"] > 0
    assert json.loads(flagged["versions"])["policy"]["hash"]
    again = run_scan([str(posts)], out, fmt="jsonl", partition_rows=100)
    assert again.resumed and again.partitions_skipped == 6 and again.rows == 0
    assert again.total_rows == 600
    assert read_output_rows(out) == rows


def test_worker_processes_and_a_dask_local_cluster_give_the_same_rows_as_one_process(
    posts, tmp_path
):
    single = tmp_path / "single"
    run_scan([str(posts)], single, partition_rows=150)
    expected = [_key(r) for r in read_output_rows(single)]

    procs = tmp_path / "procs"
    s = run_scan([str(posts)], procs, partition_rows=150, workers=2)
    assert s.runner == "processes"
    assert [_key(r) for r in read_output_rows(procs)] == expected

    dask = tmp_path / "dask"
    s = run_scan([str(posts)], dask, partition_rows=150, dask_local=2)
    assert s.runner == "dask" and s.workers == 2  # two worker processes did the work
    assert [_key(r) for r in read_output_rows(dask)] == expected


def test_a_folder_of_another_job_or_of_other_files_is_refused(posts, tmp_path):
    out = tmp_path / "out"
    run_scan([str(posts)], out, fmt="jsonl", partition_rows=300)
    with pytest.raises(OutputError, match="berisi hasil pekerjaan lain"):
        run_scan([str(posts)], out, fmt="jsonl", partition_rows=300, text_column="isi")
    other = tmp_path / "lain"
    other.mkdir()
    (other / "catatan.txt").write_text("milik orang lain", encoding="utf-8")
    with pytest.raises(OutputError, match="tidak kosong"):
        run_scan([str(posts)], other)
    assert (other / "catatan.txt").read_text(encoding="utf-8") == "milik orang lain"


def test_rejects_are_written_with_file_location_and_reason(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text('{"id": 1, "text": "halo"}\nbukan json\n{"id": 3}\n', "utf-8")
    (src / "b.csv").write_text('id,text\n1,"tidak ditutup\n2,dua\n', "utf-8")
    (src / "c.parquet").write_bytes(b"PAR1 ini bukan parquet")
    out = tmp_path / "out"
    summary = run_scan([str(src)], out, fmt="jsonl")
    assert summary.rows == 2
    rejects = [
        json.loads(line)
        for f in sorted((out / "rejects").glob("*.jsonl"))
        for line in f.read_text("utf-8").splitlines()
    ]
    assert sorted((r["file"], r["location"]) for r in rejects) == [
        ("a.jsonl", "line 2"),
        ("a.jsonl", "line 3"),
        ("b.csv", "line 2"),
        ("c.parquet", "file"),
    ]


def test_cli_scan_bad_input_is_a_clear_message_and_exit_2(tmp_path):
    empty = tmp_path / "kosong"
    empty.mkdir()
    result = CliRunner().invoke(app, ["scan", str(empty), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "Galat: tidak ada berkas JSONL, CSV atau Parquet" in result.output


def _scan_cmd(posts: Path, out: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "bijak.cli.main",
        "scan",
        str(posts),
        "--out",
        str(out),
        "--format",
        "jsonl",
        "--partition-rows",
        "50",
        "--no-progress",
    ]


def test_a_scan_killed_at_random_moments_resumes_with_every_row_once(posts, tmp_path):
    """SIGKILL at several random moments (seeded), then run to the end: the output has every
    post exactly once and equals an uninterrupted scan."""
    clean = tmp_path / "clean"
    run_scan([str(posts)], clean, fmt="jsonl", partition_rows=50)
    expected = sorted(_key(r) for r in read_output_rows(clean))
    rng = random.Random(94)
    out = tmp_path / "killed"
    kills = 0
    for _ in range(4):
        proc = subprocess.Popen(
            _scan_cmd(posts, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        # wait until it is working (the pipeline takes a moment to load), then kill at random
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            done = len(list((out / DONE_DIR).glob("*.json"))) if (out / DONE_DIR).exists() else 0
            if done >= 1:
                break
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.4))
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        partial = read_output_rows(out)
        assert len({r["id"] for r in partial}) == len(partial)  # never a row twice
    assert kills >= 1
    final = subprocess.run(_scan_cmd(posts, out), capture_output=True, text=True, check=True)
    assert "Selesai" in final.stdout
    rows = read_output_rows(out)
    assert sorted(_key(r) for r in rows) == expected
    assert not list(out.glob(".*.tmp-*"))
