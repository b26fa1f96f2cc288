"""SQLite with one queue for writers across every process of the deployment.

SQLite lets one writer at a time into a database file. With ``BEGIN IMMEDIATE`` a
second writer waits in SQLite's busy handler, which *sleeps* between retries, longer
as it keeps failing, and wakes in no order: under load a few unlucky requests wait
seconds while the file is free most of the time. Here every write transaction first
takes an exclusive ``flock`` on a lock file beside the database. The kernel wakes a
waiter the moment the lock is released, so writers follow each other without gaps,
and the server can run several processes (for reads, which WAL lets run beside the
writer) without the writers' tail latency growing (bench/api/README.md, "Session 3").

The lock is held from ``BEGIN`` to ``COMMIT``/``ROLLBACK`` (or the connection's close)
of transactions Django opens, that is ``transaction.atomic`` blocks. A statement run
in autocommit mode outside any block still goes through SQLite's own busy handler.
Each connection opens its own descriptor, so threads of one process queue too.
In-memory databases (the test suite) have a single connection and take no lock.

Checkpoints (copying the write-ahead log back into the database) are also moved out of
the writers' turn. SQLite runs one inside a commit whenever the log passes 1,000 pages,
which made every sixtieth submission or so wait while holding the lock
(bench/api/README.md, Session 3). Here connections do not checkpoint; a daemon thread
per process runs a ``PASSIVE`` checkpoint every half second, which neither waits for
nor blocks readers and writers.

It overrides private methods of Django's SQLite backend
(``_start_transaction_under_autocommit``, ``_commit``, ``_rollback``, ``_close``):
``tests/core/test_fast_sqlite_backend.py`` fails when Django renames them or stops
calling them, and ``tests/core/test_sqlite_writer_lock.py`` checks the queue itself. The ENGINE name
``jiceng.core.db.sqlite3`` (settings) re-exports this backend.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import sqlite3
import threading
import time
from typing import Any

from django.db.backends.sqlite3 import base

CHECKPOINT_SECONDS = 0.5
_checkpointers: dict[str, threading.Thread] = {}
_checkpointers_lock = threading.Lock()


def _checkpoint_forever(path: str) -> None:
    connection = sqlite3.connect(path, timeout=0, check_same_thread=False)
    try:
        while True:
            # Busy (another process is checkpointing) or failed: try again next time.
            with contextlib.suppress(sqlite3.Error):
                connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
            time.sleep(CHECKPOINT_SECONDS)
    finally:  # pragma: no cover - the thread ends with the process
        connection.close()


def _start_checkpointer(path: str) -> None:
    """One checkpointing thread per database file and process (after any fork)."""
    key = f"{os.getpid()}:{path}"
    with _checkpointers_lock:
        if key in _checkpointers:
            return
        thread = threading.Thread(
            target=_checkpoint_forever, args=(path,), name="sqlite-checkpoint", daemon=True
        )
        _checkpointers[key] = thread
        thread.start()


class DatabaseWrapper(base.DatabaseWrapper):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._writer_lock: int | None = None  # the open descriptor, while held

    def _lock_path(self) -> str | None:
        if self.is_in_memory_db():
            return None
        return f"{self.settings_dict['NAME']}-writer.lock"

    def get_new_connection(self, conn_params: dict[str, Any]) -> Any:
        connection = super().get_new_connection(conn_params)
        if not self.is_in_memory_db():
            connection.execute("PRAGMA wal_autocheckpoint = 0")
            _start_checkpointer(str(self.settings_dict["NAME"]))
        return connection

    def _take_writer_lock(self) -> None:
        path = self._lock_path()
        if path is None or self._writer_lock is not None:
            return
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)  # releases the GIL while it waits
        except BaseException:
            os.close(descriptor)
            raise
        self._writer_lock = descriptor

    def _release_writer_lock(self) -> None:
        descriptor, self._writer_lock = self._writer_lock, None
        if descriptor is not None:
            os.close(descriptor)  # closing the only descriptor releases the flock

    def _start_transaction_under_autocommit(self) -> None:
        self._take_writer_lock()
        try:
            super()._start_transaction_under_autocommit()  # type: ignore[misc]
        except BaseException:
            self._release_writer_lock()
            raise

    def _commit(self) -> None:
        try:
            super()._commit()  # type: ignore[misc]
        finally:
            if not self._in_transaction():
                self._release_writer_lock()

    def _rollback(self) -> None:
        try:
            super()._rollback()  # type: ignore[misc]
        finally:
            self._release_writer_lock()

    def _close(self) -> None:
        try:
            super()._close()  # type: ignore[misc]
        finally:
            self._release_writer_lock()

    def _in_transaction(self) -> bool:
        return self.connection is not None and bool(self.connection.in_transaction)
