"""`bijak serve`: the site, its background worker and the periodic tasks (what `make demo` runs).

The site is served by waitress, a production WSGI server: one I/O thread per process reads
every request completely (headers and body) before a worker thread gets it, and writes
responses out from its buffers, so slow or stalled clients hold a connection, never one of the
`--threads` that run Django. With `--processes N` the listening socket is opened once and
N processes (this one and N-1 forked copies) serve it, each with its own waitress and threads.

This process also supervises the django-tasks database worker (`db_worker`, a child process):
it is restarted when it exits, with a growing pause if it keeps dying. It enqueues the periodic
tasks: the worker heartbeat and mail probe (the health page `/sehat/`), the notification
sweep, the audit checkpoint. SIGTERM or Ctrl+C stops everything.
"""

from __future__ import annotations

import gc
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from typing import Annotated, Any

import typer

logger = logging.getLogger("bijak.serve")

# Periodic tasks enqueued by the supervisor: (task, every so many seconds; None = from settings).
PERIODIC: list[tuple[str, float | None]] = [
    ("bijak.site.health.tasks.worker_heartbeat_task", 15.0),
    ("bijak.site.notifications.tasks.notifications_sweep", 60.0),
    ("bijak.site.audit.tasks.audit_checkpoint_task", None),
    ("bijak.site.dissemination.tasks.dissemination_daily", 3600.0),  # idempotent within a day
    ("bijak.site.monitoring.tasks.monitoring_maintenance_task", 300.0),
    ("bijak.site.cases.tasks.cases_escalate_task", 3600.0),
]
PRUNE_EVERY_S = 3600.0


def listen_socket(host: str, port: int, backlog: int = 1024) -> socket.socket:
    """The listening socket, opened once and shared by every server process."""
    family, kind, proto, _name, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(backlog)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock


def make_server(app: Any, sock: socket.socket, threads: int) -> Any:
    """A waitress server on `sock`. Create it in the process that runs it (its threads start
    here and a fork does not copy threads)."""
    from waitress.server import create_server

    return create_server(
        app,
        sockets=[sock],
        threads=threads,
        # connections wait in the I/O loop, not in threads: allow many
        connection_limit=1000,
        # drop a connection idle (between requests, or stalled mid-request) this long
        channel_timeout=60,
        # poll() rather than select(): no limit of 1024 file descriptors
        asyncore_use_poll=True,
        ident="bijak",
        expose_tracebacks=False,
        # X-Forwarded-* headers are not trusted unless a proxy is named (docs/deployment.md)
        clear_untrusted_proxy_headers=True,
    )


def _run_until_signal(server: Any) -> None:
    """Serve until SIGTERM or SIGINT, then let the running requests finish (5 s at most)."""

    def _stop(signum: int, frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    try:
        server.run()  # returns after closing the listening side on KeyboardInterrupt
    except KeyboardInterrupt:
        server.close()
    server.task_dispatcher.shutdown(cancel_pending=False, timeout=5)


def start_worker() -> subprocess.Popen[bytes]:
    """Start the django-tasks database worker as a child process."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "bijak.site.settings")
    return subprocess.Popen(
        [sys.executable, "-m", "django", "db_worker"],
        env=env,
    )


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    if worker.poll() is None:
        worker.terminate()
        try:
            worker.wait(timeout=10)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait(timeout=5)


def _sqlite_pragmas(sender: Any, connection: Any, **kwargs: Any) -> None:
    """Per connection: commits without an fsync each (the WAL is synced at checkpoints)."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA wal_autocheckpoint=0")


def _checkpointer(path: str, every_s: float = 1.0) -> None:
    """Move the write-ahead log into the database now and then, outside any request."""
    import sqlite3

    while True:
        time.sleep(every_s)
        try:
            db = sqlite3.connect(path, timeout=5)
            try:
                db.execute("PRAGMA wal_checkpoint(PASSIVE)")
            finally:
                db.close()
        except sqlite3.Error:
            continue


def tune_sqlite() -> None:
    """For SQLite, serve as SQLite recommends for a concurrent web server: write-ahead log
    (readers never wait for the writer; a lasting property of the database file),
    synchronous=NORMAL (a commit survives a crash of bijak; after a power cut the last
    transactions may be lost, the file stays consistent), connections kept for 5 minutes by
    each server thread, and WAL checkpoints off the request path (`start_checkpointer`).
    PostgreSQL is left as configured."""
    from django.db import connection
    from django.db.backends.signals import connection_created

    if connection.vendor != "sqlite":
        return
    connection_created.connect(_sqlite_pragmas, dispatch_uid="bijak-serve-sqlite-pragmas")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    # The pool's threads keep their connection for a while instead of opening one per request.
    connection.settings_dict["CONN_MAX_AGE"] = 300


def start_checkpointer() -> None:
    """On SQLite, requests never pay for a WAL checkpoint (each connection has automatic
    checkpoints off); one thread of the main process does it every few seconds instead.
    Started after forking: a fork copies no thread."""
    from django.db import connection

    if connection.vendor == "sqlite":
        threading.Thread(
            target=_checkpointer,
            args=(str(connection.settings_dict["NAME"]),),
            daemon=True,
            name="bijak-wal-checkpoint",
        ).start()


def prepare_database() -> None:
    """Run Django's system checks and apply any migration not yet applied."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    call_command("check", verbosity=0)
    tune_sqlite()
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        typer.echo("bijak serve: menerapkan migrasi basis data…")
        call_command("migrate", "--noinput", verbosity=0)


def warm_up() -> None:
    """Load the engine and the active policy once, before the first request (and before forking,
    so that every process shares them)."""
    from bijak.site.checks.engine import analyze_draft

    analyze_draft(text="Selamat pagi.")
    # Everything loaded so far lives as long as the process: keep it out of the garbage
    # collector's full passes (which otherwise stall every thread for a moment) and, after a
    # fork, shared between the processes.
    gc.collect()
    gc.freeze()


class Supervisor:
    """A thread of the main process: restarts the worker when it exits and enqueues the periodic
    tasks."""

    def __init__(self, *, worker: bool, echo: Any = typer.echo) -> None:
        self.with_worker = worker
        self.echo = echo
        self.child: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="bijak-supervisor", daemon=True)
        self._next: dict[str, float] = {}
        self._started_at = 0.0

    def start(self) -> None:
        self._started_at = time.monotonic()
        if self.with_worker:
            self.child = start_worker()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        if self.child is not None:
            stop_worker(self.child)

    def _loop(self) -> None:
        pause = 1.0
        restart_at = 0.0
        while not self._stop.wait(0.5):
            now = time.monotonic()
            child = self.child
            if child is not None and child.poll() is not None and not self._stop.is_set():
                if restart_at == 0.0:
                    # a worker that dies soon after starting is restarted more and more slowly
                    restart_at = now + pause
                    self.echo(
                        f"bijak serve: worker berhenti (kode {child.returncode}); dimulai "
                        f"ulang dalam {pause:.0f} detik.",
                        err=True,
                    )
                elif now >= restart_at:
                    self.child = start_worker()
                    self.restarts += 1
                    self._started_at = now
                    restart_at = 0.0
                    pause = min(pause * 2, 30.0)
            elif child is not None and now - self._started_at > 60:
                pause = 1.0  # it has run for a minute: the next crash restarts at once
            if self.with_worker:
                self._enqueue_due(now)
        connections_close()

    def _enqueue_due(self, now: float) -> None:
        from django.conf import settings
        from django.utils.module_loading import import_string

        for path, every in PERIODIC:
            every_s = every if every is not None else float(settings.BIJAK_AUDIT_CHECKPOINT_EVERY_S)
            if every_s <= 0 or now < self._next.get(path, 0.0):
                continue
            self._next[path] = now + every_s
            try:
                import_string(path).enqueue()
            except Exception:  # the database may be busy or down; try at the next period
                logger.exception("could not enqueue %s", path)
        if now >= self._next.get("prune", 0.0):
            self._next["prune"] = now + PRUNE_EVERY_S
            try:
                from django.core.management import call_command

                call_command("prune_db_task_results", "--min-age-days", "1", verbosity=0)
            except Exception:
                logger.exception("could not prune old task results")


def connections_close() -> None:
    from django.db import connections

    connections.close_all()


def fork_processes(sock: socket.socket, app: Any, processes: int, threads: int) -> list[int]:
    """Start `processes - 1` more server processes on the same listening socket; return their
    ids. Each one stops on SIGTERM."""
    connections_close()  # never share a database connection across a fork
    pids: list[int] = []
    for _ in range(max(0, processes - 1)):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            code = 0
            try:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
                _run_until_signal(make_server(app, sock, threads))
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        pids.append(pid)
    return pids


def stop_processes(pids: list[int], timeout: float = 15.0) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            continue
    deadline = time.monotonic() + timeout
    for pid in pids:
        while True:
            try:
                done, _status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                break
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
                break
            time.sleep(0.05)


def serve(
    host: Annotated[str, typer.Option("--host", help="Alamat yang didengar.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port yang didengar.")] = 8000,
    worker: Annotated[
        bool, typer.Option("--worker/--no-worker", help="Jalankan juga worker latar belakang.")
    ] = True,
    processes: Annotated[
        int,
        typer.Option(
            "--processes", min=1, max=64, help="Jumlah proses server (masing-masing multi-thread)."
        ),
    ] = 1,
    threads: Annotated[
        int,
        typer.Option(
            "--threads",
            min=1,
            max=256,
            help="Jumlah thread Django per proses (koneksi lambat tidak memakainya).",
        ),
    ] = 16,
) -> None:
    """Jalankan situs bijak beserta worker latar belakang."""
    from bijak.cli.site import setup_django

    setup_django()
    prepare_database()
    from django.core.wsgi import get_wsgi_application

    app = get_wsgi_application()
    warm_up()
    try:
        sock = listen_socket(host, port)
    except OSError as exc:
        typer.echo(
            f"bijak serve: tidak dapat mendengar di {host}:{port}: {exc.strerror or exc}", err=True
        )
        raise typer.Exit(1) from None
    pids = fork_processes(sock, app, processes, threads)
    start_checkpointer()
    supervisor = Supervisor(worker=worker)
    supervisor.start()
    actual_port = sock.getsockname()[1]
    typer.echo(
        f"bijak serve: http://{host}:{actual_port}/ (proses: {processes}; "
        f"worker: {'ya' if worker else 'tidak'}; Ctrl+C untuk berhenti)"
    )
    sys.stdout.flush()
    try:
        _run_until_signal(make_server(app, sock, threads))
    finally:
        stop_processes(pids)
        sock.close()
        supervisor.stop()
        typer.echo("bijak serve: berhenti.")
