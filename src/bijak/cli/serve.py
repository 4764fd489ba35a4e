"""`bijak serve`: the site and its background worker (what `make demo` runs).

The site is served by wsgiref's WSGI server with a pool of threads, in one process or in
several pre-forked ones sharing the listening socket (`--processes`); the django-tasks database
worker (`db_worker`) runs as a child process. SIGTERM or Ctrl+C stops all of them.
"""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer

import typer


class PooledWSGIServer(WSGIServer):
    """wsgiref's server answering connections from a fixed pool of threads.

    A pool (rather than a thread per connection) lets each thread keep its database connection
    between requests. The pool's threads start on first use, so forking after creating the
    server is safe.
    """

    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, *args: Any, threads: int = 16, **kwargs: Any) -> None:
        self.pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="bijak-http")
        super().__init__(*args, **kwargs)

    def process_request(self, request: Any, client_address: Any) -> None:
        self.pool.submit(self._handle, request, client_address)

    def _handle(self, request: Any, client_address: Any) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=True, cancel_futures=True)


class QuietHandler(WSGIRequestHandler):
    """No line per request on stderr (it costs time under load); errors are still logged. A
    client that sends nothing for 30 s is dropped, so it cannot hold a thread. The response is
    buffered (wsgiref writes the status line, headers and body separately): one send per
    response instead of several small ones."""

    timeout = 30
    wbufsize = 64 * 1024

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        pass


def make_wsgi_server(host: str, port: int, app: Any, threads: int = 16) -> PooledWSGIServer:
    server = PooledWSGIServer((host, port), QuietHandler, threads=threads)
    server.set_app(app)
    # Several processes wait on one socket and all wake for a connection only one can take: the
    # others must not block in accept() (where they would not see a stop request either).
    server.socket.setblocking(False)
    return server


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


def fork_processes(server: PooledWSGIServer, processes: int) -> list[int]:
    """Start `processes - 1` more server processes on the same listening socket (pre-fork);
    return their ids. Each one stops on SIGTERM."""
    from django.db import connections

    connections.close_all()  # never share a database connection across a fork
    pids: list[int] = []
    for _ in range(max(0, processes - 1)):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child
            signal.signal(
                signal.SIGTERM,
                lambda signum, frame: threading.Thread(target=server.shutdown, daemon=True).start(),
            )
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops us
            try:
                server.serve_forever(poll_interval=0.5)
            finally:
                os._exit(0)
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
        int, typer.Option("--threads", min=1, max=256, help="Jumlah thread per proses.")
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
        server = make_wsgi_server(host, port, app, threads=threads)
    except OSError as exc:
        typer.echo(
            f"bijak serve: tidak dapat mendengar di {host}:{port}: {exc.strerror or exc}", err=True
        )
        raise typer.Exit(1) from None
    pids = fork_processes(server, processes)
    start_checkpointer()
    child = start_worker() if worker else None

    def _stop(signum: int, frame: Any) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    actual_port = server.server_address[1]
    typer.echo(
        f"bijak serve: http://{host}:{actual_port}/ (proses: {processes}; "
        f"worker: {'ya' if child else 'tidak'}; Ctrl+C untuk berhenti)"
    )
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        stop_processes(pids)
        server.server_close()
        if child is not None:
            stop_worker(child)
        typer.echo("bijak serve: berhenti.")
