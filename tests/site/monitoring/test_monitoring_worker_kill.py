"""A background scan survives its worker being killed: the real django-tasks database worker
(`python -m django db_worker`, as `bijak serve` starts it) is killed with SIGKILL in the middle
of a scan, a new worker is started, the periodic maintenance task resumes the scan, and the scan
ends with every post scanned exactly once and the queue holding exactly the posts the engine
puts at `tinjau` or `langgar`.

The worker is another process, so it needs a database that two processes share: PostgreSQL
(CI sets DATABASE_URL). The suite's default SQLite test database lives in this process's memory.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from monitoring_helpers import register

from bijak.site.monitoring.models import Flag, Post, Scan
from bijak.site.monitoring.services import QUEUE_VERDICTS, post_import_confirm, post_import_preview

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

POSTS = 600
CHUNK = 20
SENTENCES = (  # written for this test; a mix the engine passes, queues and flags
    "Selamat pagi rekan-rekan, jangan lupa cuci tangan pakai sabun ya nomor {n}.",
    "Ayo pilih pasangan nomor {n} di pilkada nanti, jangan golput!",
    "Rapat koordinasi imunisasi kejar ke-{n} bersama dinkes kabupaten.",
    "Minum air kelapa bisa menyembuhkan covid dalam sehari, kata teman {n}",
    "Materi penyuluhan gizi seimbang seri {n} sudah bisa diunduh di situs resmi.",
    "Info slot gacor hari ini, daftar sekarang bonus {n}%",
)


def _texts() -> list[str]:
    return [SENTENCES[n % len(SENTENCES)].format(n=n) for n in range(POSTS)]


def _worker_env(tmp_path: Path) -> dict[str, str]:
    db = connection.settings_dict
    url = (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        {
            "DATABASE_URL": url,  # the test database of this run
            "DJANGO_SETTINGS_MODULE": "bijak.site.settings",
            "BIJAK_DEMO": "true",
            "BIJAK_HOME": str(tmp_path),
            "BIJAK_VAR_DIR": str(tmp_path),
            "BIJAK_MONITOR_SCAN_CHUNK": str(CHUNK),
            # the restarted worker's maintenance task treats a scan without progress as dead
            # at once (production waits BIJAK_MONITOR_SCAN_STALE_MINUTES, 10 by default)
            "BIJAK_MONITOR_SCAN_STALE_MINUTES": "0",
        }
    )
    return env


def _worker(env: dict[str, str], log: Path, *extra: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "django", "db_worker", "--no-startup-delay", "--no-reload", *extra],
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )


def test_a_scan_survives_a_killed_worker_and_scans_each_post_once(
    officer: Any, employee: Any, tmp_path: Path
) -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs a database shared by two processes: run with DATABASE_URL (CI does)")
    from django_tasks_db.models import DBTaskResult

    from bijak.batch import scan_partition
    from bijak.site.monitoring.tasks import monitoring_maintenance_task
    from bijak.site.policies.selectors import policy_active

    texts = _texts()
    account = register(officer, employee, platform="other", handle="sari_jsonl")
    content = "".join(
        json.dumps({"id": f"p{n}", "date": "2024-01-01T08:00:00", "text": t}) + "\n"
        for n, t in enumerate(texts)
    ).encode()
    batch = post_import_preview(actor=officer, account=account, filename="u.jsonl", content=content)
    assert post_import_confirm(actor=officer, batch=batch)["new"] == POSTS  # enqueues the scan
    scan = Scan.objects.get()
    assert scan.total == POSTS and DBTaskResult.objects.get().status == "READY"

    env, log = _worker_env(tmp_path), tmp_path / "worker.log"
    first = _worker(env, log)
    try:
        deadline = time.monotonic() + 120
        while Scan.objects.values_list("done", flat=True).get(pk=scan.pk) < CHUNK:
            assert first.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "the worker wrote no chunk in 2 minutes"
            time.sleep(0.01)
        os.kill(first.pid, signal.SIGKILL)  # in the middle of the scan, maybe of a chunk
    finally:
        if first.poll() is None:
            first.kill()
        first.wait(timeout=30)
    assert first.returncode == -signal.SIGKILL
    scan.refresh_from_db()
    assert scan.status == "running" and CHUNK <= scan.done < POSTS, scan
    assert scan.done % CHUNK == 0  # only whole chunks were committed
    written = set(Post.objects.filter(scan=scan).values_list("pk", flat=True))
    assert len(written) == scan.done
    assert DBTaskResult.objects.get().status == "RUNNING"  # its task died with the worker

    # `bijak serve` starts a new worker and enqueues the periodic maintenance task, which
    # resumes the stale scan; the worker then runs the resumed scan (and exits: --batch)
    monitoring_maintenance_task.enqueue()
    second = _worker(env, log, "--batch")
    assert second.wait(timeout=300) == 0, log.read_text()

    scan.refresh_from_db()
    assert (scan.status, scan.done, scan.total) == ("done", POSTS, POSTS), scan
    posts = list(Post.objects.filter(account=account).order_by("pk"))
    assert len(posts) == POSTS and all(p.scan_id == scan.pk and p.text_masked for p in posts)
    # the first worker's committed chunks were not scanned again: still the same rows, and the
    # scan counts each post once (a chunk written twice would count its posts twice)
    assert written <= {p.pk for p in posts}
    # each post has the verdict the engine gives its original text, none missed
    expected = scan_partition(texts, policy=policy_active())
    by_key = {p.key: p for p in posts}
    assert [by_key[f"id:p{n}"].verdict for n in range(POSTS)] == [r.verdict for r in expected]
    queued = {f"id:p{n}" for n, r in enumerate(expected) if r.verdict in QUEUE_VERDICTS}
    assert 0 < len(queued) < POSTS
    # the queue holds exactly the posts at tinjau/langgar, each once
    flags = list(Flag.objects.filter(kind="flag").values_list("post__key", "status"))
    assert sorted(k for k, _status in flags) == sorted(queued)
    assert {status for _k, status in flags} == {"open"}
    assert scan.flagged == len(queued)
    results = dict(
        DBTaskResult.objects.values_list("task_path", "status").exclude(status="RUNNING")
    )
    assert results == {
        "bijak.site.monitoring.tasks.monitoring_maintenance_task": "SUCCESSFUL",
        "bijak.site.monitoring.tasks.scan_run_task": "SUCCESSFUL",
    }
