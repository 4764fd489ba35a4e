"""`bijak benchmark monitoring`: import + scan posts/s, and the review queue page with many open
flags (latency and query count), on SQLite and, when given a URL, PostgreSQL.

Each database run is a fresh child process with its own settings: a throw-away SQLite file, or
the PostgreSQL database named by ``--postgres`` (emptied by the run's migrations: give it a
database of its own). The posts are generated from sentences written by the bijak authors.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

SENTENCES = (  # written by the bijak authors for this benchmark
    "Selamat pagi rekan-rekan, jangan lupa cuci tangan pakai sabun ya nomor {n}.",
    "Kegiatan posyandu balita ke-{n} di RW 05, ajak tetangga ya.",
    "Minum air kelapa bisa menyembuhkan covid dalam sehari, kata teman {n}",
    "Ayo pilih pasangan nomor {n} di pilkada nanti, jangan golput!",
    "Rapat koordinasi imunisasi kejar ke-{n} bersama dinkes kabupaten.",
    "Pelayanan puskesmas hari ini lambat sekali, antre {n} jam tidak dipanggil.",
    "Materi penyuluhan gizi seimbang seri {n} sudah bisa diunduh di situs resmi.",
    "Info slot gacor hari ini, daftar sekarang bonus {n}%",
)

CHILD = r"""
import json, os, sys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bijak.site.settings")
import django
django.setup()
from bijak.site.monitoring.benchmark import measure_inside
print("BENCH" + json.dumps(measure_inside(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])))
"""


def _jsonl(posts: int) -> bytes:
    lines = []
    for n in range(posts):
        text = SENTENCES[n % len(SENTENCES)].format(n=n)
        lines.append(json.dumps({"id": f"b{n}", "date": "2024-01-01T08:00:00", "text": text}))
    return ("\n".join(lines) + "\n").encode()


def measure_inside(posts: int, flags: int, label: str) -> dict[str, Any]:
    """Run inside a configured Django process with an empty database."""
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bijak.site.accounts.models import User
    from bijak.site.monitoring.models import Flag, Post
    from bijak.site.monitoring.services import (
        account_register,
        post_import_confirm,
        post_import_preview,
        scan_run,
    )
    from bijak.site.org.services import employee_create, orgunit_create, role_assign

    load_before = [round(x, 2) for x in os.getloadavg()]
    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", verbosity=0, interactive=False)  # a dedicated database, emptied
    unit = orgunit_create(
        actor=None, code="B", name="Unit Bangku Uji", level="eselon_2", parent=None
    )
    officer = User.objects.create_user(
        username="petugas",
        password=None,  # force_login only
        email="petugas@bench.invalid",
        full_name="Petugas",
    )
    role_assign(actor=None, user=officer, role="officer", unit=None)
    owner = employee_create(
        actor=None,
        nip="199004122015032001",
        name="Pegawai Uji",
        unit=unit,
        email="pegawai@bench.invalid",
    )
    account = account_register(actor=officer, employee=owner, platform="other", handle="uji")
    content = _jsonl(posts)

    started = time.perf_counter()
    batch = post_import_preview(
        actor=officer, account=account, filename="posts.jsonl", content=content
    )
    counts = post_import_confirm(actor=officer, batch=batch, scan=False)
    imported = time.perf_counter() - started
    from bijak.batch import pipeline_for
    from bijak.site.monitoring.services import scan_start
    from bijak.site.policies.selectors import policy_active

    started = time.perf_counter()
    pipeline_for(policy_active())  # once per worker process; reported apart
    built = time.perf_counter() - started
    scan = scan_start(actor=officer, accounts=[account])
    started = time.perf_counter()
    scan = scan_run(scan_id=scan.pk)
    scanned = time.perf_counter() - started
    assert counts["new"] == posts and scan.done == posts

    # the queue page with `flags` open flags
    extra = flags - Flag.objects.filter(status="open").count()
    if extra > 0:
        base = Post.objects.count()
        Post.objects.bulk_create(
            [
                Post(
                    account=account,
                    key=f"q{n}",
                    content_hash=f"{n:064d}",
                    text="teks uji",
                    text_masked=True,
                    verdict="tinjau",
                )
                for n in range(base, base + extra)
            ],
            batch_size=2000,
        )
        Flag.objects.bulk_create(
            [
                Flag(
                    post_id=pk,
                    verdict="tinjau",
                    severity=1,
                    score=0.7,
                    clause_ids=["B.4"],
                    category_ids=["politik"],
                )
                for pk in Post.objects.filter(key__startswith="q").values_list("pk", flat=True)
            ],
            batch_size=2000,
        )
    # the planner's statistics after the bulk load, as PostgreSQL's autovacuum (within a minute
    # of such a load) or an operator's ANALYZE on SQLite would have left them
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("VACUUM ANALYZE monitoring_flag")
            cursor.execute("VACUUM ANALYZE monitoring_post")
        else:
            cursor.execute("ANALYZE")
    open_flags = Flag.objects.filter(status="open").count()
    client = Client()
    client.force_login(officer)
    client.get("/pemantauan/")  # warm
    times, queries = [], 0
    for _ in range(7):
        with CaptureQueriesContext(connection) as ctx:
            started = time.perf_counter()
            response = client.get("/pemantauan/")
            times.append(time.perf_counter() - started)
        assert response.status_code == 200
        queries = len(ctx.captured_queries)
    return {
        "database": label,
        "posts": posts,
        "import_s": round(imported, 2),
        "import_posts_per_s": round(posts / imported, 1),
        "pipeline_build_s": round(built, 2),
        "scan_s": round(scanned, 2),
        "scan_posts_per_s": round(posts / scanned, 1),
        "import_and_scan_posts_per_s": round(posts / (imported + scanned), 1),
        "flagged": scan.flagged,
        "queue_open_flags": open_flags,
        "queue_page_ms_median": round(statistics.median(times) * 1000, 1),
        "queue_page_ms_max": round(max(times) * 1000, 1),
        "queue_page_queries": queries,
        # the machine is shared: its load (1, 5, 15 min) when the run began and ended
        "load_average_before": load_before,
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }


def run_monitoring_benchmark(
    *, posts: int = 100_000, flags: int = 50_000, postgres: str = ""
) -> dict[str, Any]:
    """One fresh child process per database; returns their figures."""
    runs = []
    targets = [("sqlite", "")] + ([("postgresql", postgres)] if postgres else [])
    for label, url in targets:
        with tempfile.TemporaryDirectory(prefix="bijak-bench-mon-") as tmp:
            env = {
                k: v
                for k, v in os.environ.items()
                if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
            }
            env.update(
                {
                    "BIJAK_HOME": tmp,
                    "BIJAK_VAR_DIR": str(Path(tmp) / "var"),
                    "BIJAK_DEMO": "true",
                    "DEBUG": "false",
                    "LOG_LEVEL": "ERROR",
                    "BIJAK_MONITOR_IMPORT_MAX_POSTS": str(max(posts, 1)),
                    "BIJAK_MONITOR_IMPORT_MAX_BYTES": str(max(64 << 20, posts * 200)),
                }
            )
            if url:
                env["DATABASE_URL"] = url
            (Path(tmp) / "var").mkdir()
            done = subprocess.run(  # noqa: S603 - our own interpreter and code
                [sys.executable, "-c", CHILD, str(posts), str(flags), label],
                env=env,
                cwd=tmp,
                capture_output=True,
                text=True,
                check=False,
            )
            line = next((x for x in done.stdout.splitlines() if x.startswith("BENCH")), "")
            if done.returncode or not line:
                raise RuntimeError(f"{label} run failed:\n{done.stderr[-3000:]}")
            runs.append(json.loads(line[len("BENCH") :]))
    return {"benchmark": "monitoring", "runs": runs}
