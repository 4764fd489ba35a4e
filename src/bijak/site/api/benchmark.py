"""`bijak benchmark api`: latency and throughput of POST /api/v1/check on loopback.

The site runs as `bijak serve --processes 2` (pre-forked threaded WSGI servers, django-tasks worker beside it) in a child
process on a free 127.0.0.1 port with a fresh SQLite database in a temporary folder; a user and
a token are created there. Requests are sent open-loop: request i is due at start + i/rate and
is handed to a pool of `concurrency` client threads; its latency is counted from the time it was
due (so a server that falls behind shows it, no coordinated omission). Every request goes
through token authentication and the per-token rate limit (set high enough not to refuse).
"""

from __future__ import annotations

import http.client
import json
import math
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

# Invented drafts of different lengths and verdicts (no dataset text).
DRAFTS = (
    "Selamat pagi, jangan lupa cuci tangan pakai sabun ya. Sumber: Kemenkes.",
    "Dasar organisasi profesi goblok! NIK saya 3174012503900007 tolong bantu",
    "Hari ini posyandu di kelurahan kami ramai, terima kasih para kader yang sudah membantu. "
    "Ayo bawa balita ke posyandu setiap bulan untuk timbang dan imunisasi lengkap. " * 4,
    "Katanya minum air rebusan daun ini bisa menyembuhkan kanker dalam seminggu, sebarkan!",
    "Pelayanan puskesmas lambat banget, antre tiga jam, payah.",
)

SETUP = """
import sys
from bijak.cli.site import setup_django
setup_django()
from django.core.management import call_command
call_command("migrate", "--noinput", verbosity=0)
from django.contrib.auth import get_user_model
from bijak.site.api.services import token_create
user = get_user_model().objects.create_user(username="benchmark", password=None)
_row, token = token_create(actor=None, user=user, name="benchmark", kind="integration")
sys.stdout.write(token)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))  # nearest rank
    return ordered[k]


def _post(port: int, token: str, body: bytes) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        conn.request(
            "POST",
            "/api/v1/check",
            body=body,
            headers={
                "Authorization": f"Bearer {token}",
                "Content-Type": "application/json",
            },
        )
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def _tree_cpu_s(root: int) -> float:
    """User + system CPU seconds of a process and its live descendants (from /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += cpu.get(pid, 0.0)
        todo.extend(child for child, parent in parents.items() if parent == pid)
    return total


def _wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError("bijak serve exited before it was ready")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("bijak serve did not start in time")


def run_api_benchmark(
    *,
    rate: int = 100,
    duration: float = 20.0,
    concurrency: int = 16,
    processes: int = 2,
    threads: int = 8,
) -> dict[str, Any]:
    """Measure POST /api/v1/check at `rate` requests/s for `duration` s; return the figures."""
    if rate <= 0 or duration <= 0 or concurrency <= 0:
        raise ValueError("rate, duration and concurrency must be positive")
    with tempfile.TemporaryDirectory(prefix="bijak-bench-") as tmp:
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
        }
        env.update(
            {
                "BIJAK_HOME": tmp,
                "BIJAK_VAR_DIR": str(Path(tmp) / "var"),
                "DEBUG": "false",
                "BIJAK_DEMO": "true",  # a throw-away server with the demo key
                "BIJAK_API_RATE_PER_MINUTE": str(max(600, int(rate * 60 * 4))),
                "LOG_LEVEL": "ERROR",
            }
        )
        (Path(tmp) / "var").mkdir()
        token = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", SETUP],
            env=env,
            cwd=tmp,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        port = _free_port()
        server = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "bijak.cli.main",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--processes",
                str(processes),
                "--threads",
                str(threads),
            ],
            env=env,
            cwd=tmp,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_ready(port, server)
            bodies = [json.dumps({"text": d, "platform": "instagram"}).encode() for d in DRAFTS]
            # Warm up: concurrent requests, so every server thread has opened its connection.
            with ThreadPoolExecutor(max_workers=concurrency) as pool:
                list(
                    pool.map(
                        lambda i: _post(port, token, bodies[i % len(bodies)]),
                        range(8 * concurrency),
                    )
                )
            cpu_before = _tree_cpu_s(server.pid)
            results = _measure(port, token, bodies, rate, duration, concurrency)
            cpu_used = _tree_cpu_s(server.pid) - cpu_before
            results["server_cpu_ms_per_request"] = round(
                cpu_used * 1000 / max(1, results["requests"]), 2
            )
            results["load_average_1m_after"] = round(os.getloadavg()[0], 2)
            results["server"] = (
                f"bijak serve --processes {processes} --threads {threads} (waitress) + db_worker, SQLite (WAL), loopback"
            )
            return results
        finally:
            server.terminate()
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait(timeout=5)


def _measure(
    port: int, token: str, bodies: list[bytes], rate: int, duration: float, concurrency: int
) -> dict[str, Any]:
    total = int(rate * duration)
    latencies: list[float] = []
    service: list[float] = []
    statuses: dict[str, int] = {}
    lock = threading.Lock()

    def one(i: int, due: float) -> None:
        sent = time.perf_counter()
        try:
            status = str(_post(port, token, bodies[i % len(bodies)]))
        except OSError as exc:
            status = type(exc).__name__
        done = time.perf_counter()
        with lock:
            statuses[status] = statuses.get(status, 0) + 1
            if status == "200":
                latencies.append((done - due) * 1000)
                service.append((done - sent) * 1000)

    start = time.perf_counter() + 0.1
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        for i in range(total):
            due = start + i / rate
            delay = due - time.perf_counter()
            if delay > 0:
                time.sleep(delay)
            pool.submit(one, i, due)
    elapsed = time.perf_counter() - start
    ok = statuses.get("200", 0)
    return {
        "endpoint": "POST /api/v1/check",
        "target_rate_per_s": rate,
        "duration_s": duration,
        "concurrency": concurrency,
        "requests": total,
        "ok": ok,
        "errors": total - ok,
        "statuses": statuses,
        "achieved_rate_per_s": round(ok / elapsed, 1),
        "latency_ms": {
            "p50": round(_percentile(latencies, 50), 2),
            "p90": round(_percentile(latencies, 90), 2),
            "p99": round(_percentile(latencies, 99), 2),
            "max": round(max(latencies), 2) if latencies else None,
            "mean": round(statistics.fmean(latencies), 2) if latencies else None,
        },
        "service_time_ms": {
            "p50": round(_percentile(service, 50), 2),
            "p99": round(_percentile(service, 99), 2),
        },
        "latency_counted_from": "the time each request was due (open loop)",
    }
