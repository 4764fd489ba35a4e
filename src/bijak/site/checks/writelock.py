"""One writer at a time per process on SQLite.

SQLite lets one connection write at a time; a connection that finds the database locked sleeps
in growing steps (1, 2, 5, 10 … 100 ms) before it tries again. Under load those sleeps, not the
work, make the slowest requests. Threads of one process therefore queue on a lock for the short
write transactions of a check instead (they wake as soon as it is free). Other databases need no
such lock and get a no-op.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

from django.db import connection

_lock = threading.Lock()


@contextmanager
def _locked() -> Iterator[None]:
    with _lock:
        yield


def write_serialized() -> AbstractContextManager[None]:
    """A context manager to wrap a short write transaction in (outside `transaction.atomic`)."""
    return _locked() if connection.vendor == "sqlite" else nullcontext()
