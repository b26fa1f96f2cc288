"""SQLite write transactions of every connection queue on one lock file, in order.

SQLite's own busy handler is cut short here (0.2 s, while the first writer holds the file
for over half a second): without the lock file the second writer would fail with "database
is locked"; with it, it waits its turn. The timeout is not zero because the backend's
checkpointing thread opens the same file and may hold a lock for an instant.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection, connections, transaction

ALIAS = "writer_lock_test"

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite only")


@pytest.fixture
def database(tmp_path: Path, django_db_blocker) -> Iterator[Path]:
    path = tmp_path / "lock.sqlite3"
    options = {**connection.settings_dict["OPTIONS"], "timeout": 0.2}
    connections.settings[ALIAS] = {
        **connection.settings_dict,
        "NAME": str(path),
        "OPTIONS": options,
        "TEST": {},
    }
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE entry (n INTEGER)")
        yield path
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def _write(n: int, inside: threading.Event, go: threading.Event | None = None) -> None:
    try:
        with transaction.atomic(using=ALIAS):
            with connections[ALIAS].cursor() as cursor:
                cursor.execute("INSERT INTO entry (n) VALUES (%s)", [n])
            inside.set()
            if go is not None:
                go.wait(10)
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]


def test_a_second_writer_waits_for_the_first_instead_of_failing(database, django_db_blocker):
    first_in, second_in, go = threading.Event(), threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def run(*args) -> None:
        try:
            with django_db_blocker.unblock():
                _write(*args)
        except BaseException as exc:
            errors.append(exc)

    first = threading.Thread(target=run, args=(1, first_in, go))
    first.start()
    assert first_in.wait(10)
    second = threading.Thread(target=run, args=(2, second_in))
    second.start()
    assert not second_in.wait(0.5), "the second writer got in while the first held the lock"
    go.set()
    first.join(10)
    second.join(10)
    assert errors == []
    assert second_in.is_set()
    with django_db_blocker.unblock(), connections[ALIAS].cursor() as cursor:
        cursor.execute("SELECT n FROM entry ORDER BY rowid")
        assert [n for (n,) in cursor.fetchall()] == [1, 2]
    assert Path(f"{database}-writer.lock").exists()


def test_a_rolled_back_transaction_releases_the_lock(database, django_db_blocker):
    with django_db_blocker.unblock():
        with pytest.raises(RuntimeError), transaction.atomic(using=ALIAS):
            with connections[ALIAS].cursor() as cursor:
                cursor.execute("INSERT INTO entry (n) VALUES (1)")
            raise RuntimeError("abandoned")
        assert connections[ALIAS]._writer_lock is None
        done = threading.Event()
        writer = threading.Thread(target=lambda: _unblocked(django_db_blocker, done))
        writer.start()
        writer.join(10)
        assert done.is_set()
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("SELECT n FROM entry")
            assert cursor.fetchall() == [(3,)]


def _unblocked(blocker, done: threading.Event) -> None:
    with blocker.unblock():
        _write(3, done)
