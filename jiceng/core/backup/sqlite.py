"""SQLite: copying the database file out and in through SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from jiceng.core.backup.files import BackupError, sqlite_path


def dump_sqlite(output: Path) -> None:
    # The backup API copies a consistent snapshot, the write-ahead log included; copying
    # the file while the service writes could catch half a transaction.
    if not Path(sqlite_path()).is_file():
        raise BackupError(f"there is no database at {sqlite_path()} to back up")
    source = sqlite3.connect(f"file:{sqlite_path()}?mode=ro", uri=True)
    target = sqlite3.connect(output)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def load_sqlite(dump: Path) -> None:
    # Through the backup API again: it writes into the live file with SQLite's own
    # locking and log, so a stale -wal file beside it cannot be replayed over the copy.
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    target = sqlite3.connect(sqlite_path())
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()
