"""`bijak benchmark load`: a mixed workload against `bijak serve`, optionally killed with SIGKILL.

`clients` closed-loop client threads (each with its own account, session cookie and API token)
do, in random order with a short pause between requests: sign-ins (sign out, sign in through
the form), page checks (POST /cek/), saved drafts (POST /cek/ with "save"; a draft the server
confirmed with "Draf disimpan" is a *confirmed write*), API checks (POST /api/v1/check), the
health probe, and imports: a client uploads an X archive (`tweets.js`, 20 posts with ids of its
own) for its registered account on the review desk, confirms the preview, and the background
worker scans the new posts (a confirmed import is one whose confirmation the server answered
with "Impor selesai"; afterwards each of its 20 posts must be in the database, and the run waits
for the worker to finish scanning). The site runs as `bijak serve` in its own process group on a free loopback port,
on the database named by DATABASE_URL (PostgreSQL) or on a fresh SQLite file.

With `kills` > 0 the whole server (its processes and the worker) is killed with SIGKILL at
random moments and started again. Requests refused while it is down are counted apart
(`unavailable`); `errors` are answers that are wrong (5xx, unexpected status or content).
Afterwards every confirmed draft is looked up in the database (`lost_confirmed_writes`) and the
audit chain is verified.
"""

from __future__ import annotations

import http.client
import http.cookiejar
import json
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

PASSWORD = "beban-uji-bijak-42"  # noqa: S105 - accounts made for the benchmark only

# Invented drafts (written by the bijak authors; no dataset text).
DRAFTS = (
    "Selamat pagi, jangan lupa cuci tangan pakai sabun ya. Sumber: Kemenkes.",
    "Pelayanan puskesmas lambat banget, antre tiga jam, payah.",
    "Katanya minum air rebusan daun ini bisa menyembuhkan kanker dalam seminggu, sebarkan!",
    "Hari ini posyandu di kelurahan kami ramai, terima kasih para kader yang sudah membantu.",
)

KINDS = (
    ("page_check", 30),
    ("save", 20),
    ("api_check", 30),
    ("login", 10),
    ("health", 10),
    ("import", 3),
)
POSTS_PER_IMPORT = 20

SETUP = """
import json, sys
from bijak.cli.site import setup_django
setup_django()
from django.core.management import call_command
call_command("migrate", "--noinput", verbosity=0)
from django.contrib.auth import get_user_model
from bijak.site.api.services import token_create
from bijak.site.monitoring.models import Account
from bijak.site.org.models import Employee, Level, OrgUnit
run, count, password = sys.argv[1], int(sys.argv[2]), sys.argv[3]
unit = OrgUnit.objects.create(code=f"BEBAN-{run}", name=f"Unit beban {run}", level=Level.ESELON_2)
clients = []
for i in range(count):
    user = get_user_model().objects.create_user(username=f"beban-{run}-{i}", password=password)
    _row, token = token_create(actor=None, user=user, name="beban", kind="integration")
    employee = Employee.objects.create(
        user=user, nip=f"{run}{i:08d}"[-18:], name=f"Pegawai Beban {i}", unit=unit
    )
    account = Account.objects.create(
        employee=employee, platform="x", handle=f"beban{run}x{i}", registered_by=user
    )
    clients.append({"token": token, "account": account.pk})
sys.stdout.write(json.dumps(clients))
"""

AFTER = """
import json, sys
from bijak.cli.site import setup_django
setup_django()
from bijak.site.audit.services import audit_verify
from bijak.site.checks.models import SavedCheck
from bijak.site.monitoring.models import Post, Scan
run = sys.argv[1]
texts = list(SavedCheck.objects.filter(text__startswith=f"beban {run} ").values_list("text", flat=True))
posts = Post.objects.filter(account__handle__startswith=f"beban{run}x")
ids = list(posts.values_list("platform_id", flat=True))
scans = Scan.objects.filter(accounts__handle__startswith=f"beban{run}x").distinct()
check = audit_verify()
sys.stdout.write(json.dumps({"texts": texts, "audit_ok": check.ok, "audit_entries": check.entries,
                             "audit_first_bad_seq": check.first_bad_seq, "audit_reason": check.reason,
                             "post_ids": ids, "posts_unscanned": posts.filter(verdict="").count(),
                             "scans": {s: scans.filter(status=s).count() for s in Scan.Status.values}}))
"""

PENDING = """
import sys
from bijak.cli.site import setup_django
setup_django()
from bijak.site.monitoring.models import Post
run = sys.argv[1]
sys.stdout.write(str(Post.objects.filter(account__handle__startswith=f"beban{run}x", verdict="").count()))
"""


def _site_script(script: str, *args: str, env: dict[str, str], cwd: str) -> str:
    """Run one of the scripts above against the benchmark's site database; its stdout."""
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", script, *args],
        env=env,
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _wait_for_scans(env: dict[str, str], cwd: str, run: str, *, timeout: float) -> float:
    """After the clients stop, give the worker time to scan what was imported; seconds waited."""
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        pending = _site_script(PENDING, run, env=env, cwd=cwd)
        if int(pending or 0) == 0:
            break
        time.sleep(2)
    return round(time.monotonic() - started, 1)


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return round(ordered[index], 1)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """`bijak serve` in its own process group, so that SIGKILL reaches all its processes."""

    def __init__(self, env: dict[str, str], cwd: str, port: int, processes: int, threads: int):
        self.env, self.cwd, self.port = env, cwd, port
        self.args = [
            sys.executable,
            "-m",
            "bijak.cli.main",
            "serve",
            "--port",
            str(port),
            "--processes",
            str(processes),
            "--threads",
            str(threads),
        ]
        self.proc: subprocess.Popen[bytes] | None = None
        self.up = threading.Event()

    def start(self, timeout: float = 180) -> float:
        started = time.monotonic()
        self.proc = subprocess.Popen(  # noqa: S603 - our own interpreter and code
            self.args,
            env=self.env,
            cwd=self.cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError("bijak serve exited before it was ready")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=2):
                    self.up.set()
                    return time.monotonic() - started
            except (OSError, urllib.error.URLError, http.client.HTTPException):
                time.sleep(0.2)
        raise RuntimeError("bijak serve did not start in time")

    def kill(self) -> None:
        self.up.clear()
        assert self.proc is not None
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = {kind: [] for kind, _w in KINDS}
        self.errors: dict[str, int] = {}
        self.unavailable = 0
        self.confirmed: list[str] = []
        self.imported: list[str] = []

    def ok(self, kind: str, ms: float) -> None:
        with self.lock:
            self.latency[kind].append(ms)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors[what] = self.errors.get(what, 0) + 1


class Client:
    def __init__(self, base: str, username: str, token: str, run: str, index: int, account: int):
        self.base, self.username, self.token, self.run, self.index = (
            base,
            username,
            token,
            run,
            index,
        )
        self.account = account
        self.imports = 0
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.saves = 0
        self.logged_in = False

    def _csrf(self) -> str:
        for cookie in self.jar:
            if cookie.name == "csrftoken":
                return str(cookie.value)
        return ""

    def request(
        self,
        path: str,
        data: dict[str, str] | bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        status, text, _url = self.fetch(path, data, headers)
        return status, text

    def fetch(
        self,
        path: str,
        data: dict[str, str] | bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str, str]:
        """(status, body, the URL answered after redirects)."""
        body = None
        all_headers = dict(headers or {})
        if isinstance(data, dict):
            body = urllib.parse.urlencode(data).encode()
            all_headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
            all_headers["Referer"] = self.base + path
        elif isinstance(data, bytes):
            body = data
        request = urllib.request.Request(self.base + path, data=body, headers=all_headers)  # noqa: S310 - loopback http only
        try:
            with self.opener.open(request, timeout=60) as response:
                text = response.read().decode("utf-8", "replace")
                return int(response.status), text, str(response.geturl())
        except urllib.error.HTTPError as exc:
            return int(exc.code), exc.read().decode("utf-8", "replace"), path

    def import_posts(self) -> tuple[bool, str]:
        """Upload an X archive of POSTS_PER_IMPORT new posts, confirm it; (confirmed, marker)."""
        self.imports += 1
        marker = f"{self.run}{self.index:03d}{self.imports:04d}"
        tweets = [
            {
                "tweet": {
                    "id_str": f"{marker}{k:02d}",
                    "full_text": f"{random.choice(DRAFTS)} #{marker}{k:02d}",
                    "created_at": "Wed Nov 25 08:00:00 +0000 2026",
                }
            }
            for k in range(POSTS_PER_IMPORT)
        ]
        payload = ("window.YTD.tweets.part0 = " + json.dumps(tweets)).encode()
        boundary = f"bijakbeban{marker}"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrfmiddlewaretoken"'
            f"\r\n\r\n{self._csrf()}\r\n".encode(),
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="tweets.js"'
            "\r\nContent-Type: application/javascript\r\n\r\n".encode()
            + payload
            + b"\r\n",
            f"--{boundary}--\r\n".encode(),
        ]
        path = f"/pemantauan/akun/{self.account}/"
        status, html, url = self.fetch(
            path,
            b"".join(parts),
            {
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Referer": self.base + path,
            },
        )
        found = re.search(r"/pemantauan/impor/\d+/", url)
        if status != 200 or not found:
            return False, f"import upload {status}{self._signed_out(html)}"
        status, html = self.request(found.group(0), {"csrfmiddlewaretoken": self._csrf()})
        if status == 200 and "Impor selesai" in html:
            return True, marker
        return False, f"import confirm {status}{self._signed_out(html)}"

    def login(self) -> bool:
        self.logged_in = False
        self.jar.clear()
        self.request("/akun/masuk/")
        status, html = self.request(
            "/akun/masuk/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": self._csrf()},
        )
        # urllib follows the redirect after a successful sign-in to the home page
        self.logged_in = status == 200 and "akun/keluar" in html
        return self.logged_in

    def one(self, kind: str) -> tuple[bool, str]:
        """Do one request of `kind`; (whether the answer was right, what was wrong)."""
        if kind == "login":
            return (True, "") if self.login() else (False, "login")
        if kind == "health":
            status, _body = self.request("/sehat/?format=json")
            return status in (200, 503), f"health {status}"
        if kind == "api_check":
            body = json.dumps({"text": random.choice(DRAFTS), "platform": "x"}).encode()
            status, text = self.request(
                "/api/v1/check",
                body,
                {"Authorization": f"Bearer {self.token}", "Content-Type": "application/json"},
            )
            return status == 200 and '"verdict"' in text, f"api_check {status}"
        if not self._csrf():
            self.request("/cek/")
        if kind == "import":
            return self.import_posts()
        if kind == "save":
            self.saves += 1
            marker = f"beban {self.run} {self.index}-{self.saves}"
            status, html = self.request(
                "/cek/",
                {
                    "text": f"{marker} {random.choice(DRAFTS)}",
                    "platform": "x",
                    "save": "on",
                    "csrfmiddlewaretoken": self._csrf(),
                },
            )
            if status == 200 and "Draf disimpan" in html:
                return True, marker
            return False, f"save {status}{self._signed_out(html)}"
        status, html = self.request(
            "/cek/",
            {"text": random.choice(DRAFTS), "platform": "", "csrfmiddlewaretoken": self._csrf()},
        )
        return status == 200 and "data-verdict=" in html, (
            f"page_check {status}{self._signed_out(html)}"
        )

    def _signed_out(self, html: str) -> str:
        """A page answered with the sign-in form: the session was lost (sign in again)."""
        if 'name="password"' in html:
            self.logged_in = False
            return " signed out"
        return ""


def _client_loop(
    client: Client, server: Server, stats: Stats, end: float, think_s: float, mix: tuple[str, ...]
) -> None:
    kinds = [kind for kind, _w in KINDS if kind in mix]
    weights = [w for kind, w in KINDS if kind in mix]
    while time.monotonic() < end:
        if not server.up.wait(timeout=1):
            continue
        try:
            if not client.logged_in:
                if not client.login():
                    stats.error("login")
                    continue
            kind = random.choices(kinds, weights)[0]
            started = time.perf_counter()
            ok, detail = client.one(kind)
            ms = (time.perf_counter() - started) * 1000
            if ok:
                stats.ok(kind, ms)
                if kind in ("save", "import"):
                    with stats.lock:
                        (stats.confirmed if kind == "save" else stats.imported).append(detail)
            elif server.up.is_set():
                stats.error(detail)
        except (OSError, urllib.error.URLError, http.client.HTTPException):
            # refused or cut while the server was killed: not an answer, counted apart
            # (the session lives in the database: it survives the restart)
            with stats.lock:
                stats.unavailable += 1
            time.sleep(0.2)
        time.sleep(random.uniform(0, 2 * think_s))


def _slow_clients(port: int, count: int, end: float, server: Server) -> None:
    """`count` connections that send a request line and then one header line every 5 s, never
    finishing (reopened when the server drops them or is killed)."""
    conns: list[socket.socket | None] = [None] * count
    n = 0
    while time.monotonic() < end:
        for i in range(count):
            try:
                if conns[i] is None:
                    if not server.up.is_set():
                        continue
                    conn = socket.create_connection(("127.0.0.1", port), timeout=5)
                    conn.sendall(b"GET /api/v1/policy HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    conns[i] = conn
                else:
                    conns[i].sendall(f"X-Slow-{n}: {n}\r\n".encode())  # type: ignore[union-attr]
            except OSError:
                if conns[i] is not None:
                    conns[i].close()  # type: ignore[union-attr]
                conns[i] = None
        n += 1
        time.sleep(5)
    for held in conns:
        if held is not None:
            held.close()


def run_load_benchmark(
    *,
    duration: float = 600.0,
    clients: int = 32,
    kills: int = 0,
    processes: int = 2,
    threads: int = 16,
    think_s: float = 0.25,
    database_url: str = "",
    slow_clients: int = 0,
    kinds: tuple[str, ...] = (),
) -> dict[str, Any]:
    if duration <= 0 or clients <= 0 or kills < 0:
        raise ValueError("duration and clients must be positive, kills not negative")
    mix = tuple(kinds) or tuple(kind for kind, _w in KINDS)
    unknown = sorted(set(mix) - {kind for kind, _w in KINDS})
    if unknown:
        raise ValueError(f"unknown kinds: {', '.join(unknown)}")
    run = f"{int(time.time())}"
    with tempfile.TemporaryDirectory(prefix="bijak-load-") as tmp:
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
                "BIJAK_API_RATE_PER_MINUTE": "100000",
                "LOG_LEVEL": "ERROR",
                "BIJAK_DEMO": "true",  # a throw-away server with the demo key
            }
        )
        if database_url:
            env["DATABASE_URL"] = database_url
        (Path(tmp) / "var").mkdir()
        accounts = json.loads(_site_script(SETUP, run, str(clients), PASSWORD, env=env, cwd=tmp))
        server = Server(env, tmp, _free_port(), processes, threads)
        restart_s = [round(server.start(), 2)]
        stats = Stats()
        base = f"http://127.0.0.1:{server.port}"
        started = time.monotonic()
        end = started + duration
        workers = [
            threading.Thread(
                target=_client_loop,
                args=(
                    Client(
                        base,
                        f"beban-{run}-{i}",
                        accounts[i]["token"],
                        run,
                        i,
                        accounts[i]["account"],
                    ),
                    server,
                    stats,
                    end,
                    think_s,
                    mix,
                ),
            )
            for i in range(clients)
        ]
        if slow_clients:
            workers.append(
                threading.Thread(
                    target=_slow_clients, args=(server.port, slow_clients, end, server), daemon=True
                )
            )
        for worker in workers:
            worker.start()
        kill_at = sorted(random.uniform(0.1, 0.9) * duration for _ in range(kills))
        try:
            for moment in kill_at:
                time.sleep(max(0.0, started + moment - time.monotonic()))
                server.kill()
                restart_s.append(round(server.start(), 2))
            for worker in workers:
                worker.join(timeout=duration + 120)
            scan_wait_s = _wait_for_scans(env, tmp, run, timeout=300)
        finally:
            server.stop()
        elapsed = time.monotonic() - started
        after = json.loads(_site_script(AFTER, run, env=env, cwd=tmp))
    stored = set(after["texts"])
    stored_markers = {re.sub(r"^(beban \S+ \S+) .*$", r"\1", text) for text in stored}
    lost = [marker for marker in stats.confirmed if marker not in stored_markers]
    post_ids = set(after["post_ids"])
    lost_imports = [
        marker
        for marker in stats.imported
        if any(f"{marker}{k:02d}" not in post_ids for k in range(POSTS_PER_IMPORT))
    ]
    per_kind = {
        kind: {
            "ok": len(values),
            "p50_ms": _percentile(values, 50),
            "p99_ms": _percentile(values, 99),
            "mean_ms": round(statistics.fmean(values), 1) if values else None,
        }
        for kind, values in stats.latency.items()
        if kind in mix
    }
    requests_ok = sum(len(values) for values in stats.latency.values())
    return {
        "database": "PostgreSQL" if database_url.startswith("postgres") else "SQLite (WAL)",
        "server": f"bijak serve --processes {processes} --threads {threads} (waitress) + db_worker",
        "clients": clients,
        "kinds": list(mix),
        "slow_clients": slow_clients,
        "think_s_mean": think_s,
        "duration_s": round(elapsed, 1),
        "requests_ok": requests_ok,
        "throughput_per_s": round(requests_ok / elapsed, 1),
        "errors": sum(stats.errors.values()),
        "error_kinds": stats.errors,
        "unavailable_while_killed": stats.unavailable,
        "per_kind": per_kind,
        "kills": kills,
        "start_and_restart_s": restart_s,
        "confirmed_writes": len(stats.confirmed),
        "confirmed_writes_found": len(stats.confirmed) - len(lost),
        "lost_confirmed_writes": len(lost),
        "confirmed_imports": len(stats.imported),
        "confirmed_imports_complete": len(stats.imported) - len(lost_imports),
        "lost_confirmed_imports": len(lost_imports),
        "imported_posts": len(post_ids),
        "imported_posts_unscanned_at_end": after["posts_unscanned"],
        "scans_by_status": after["scans"],
        "scan_drain_s": scan_wait_s,
        "audit_chain_ok": after["audit_ok"],
        "audit_entries": after["audit_entries"],
        "audit_first_bad_seq": after["audit_first_bad_seq"],
        "load_average_1m_after": round(os.getloadavg()[0], 2),
    }
