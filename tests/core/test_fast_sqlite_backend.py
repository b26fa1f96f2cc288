"""Tripwire: the private methods of Django's SQLite backend that ours overrides.

Django calls ``_start_transaction_under_autocommit`` only ``if hasattr(...)``: renamed,
our lock would silently never be taken. These tests fail first.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import DatabaseWrapper as DjangoSQLite

from jiceng.core.fast.sqlite3.base import DatabaseWrapper

ALIAS = "fast_backend_test"
OVERRIDDEN = ("_start_transaction_under_autocommit", "_commit", "_rollback", "_close")


def test_the_overridden_private_methods_exist_in_django_with_the_same_signature():
    for name in OVERRIDDEN:
        django_method = getattr(DjangoSQLite, name)
        assert list(inspect.signature(django_method).parameters) == ["self"], name
        assert getattr(DatabaseWrapper, name) is not django_method, name
    assert list(inspect.signature(DjangoSQLite.get_new_connection).parameters) == [
        "self",
        "conn_params",
    ]
    assert list(inspect.signature(DjangoSQLite.is_in_memory_db).parameters) == ["self"]


def test_django_still_starts_a_transaction_through_the_hook_it_looks_for():
    source = inspect.getsource(BaseDatabaseWrapper.set_autocommit)
    assert 'hasattr(self, "_start_transaction_under_autocommit")' in source
    assert "self._start_transaction_under_autocommit()" in source


@pytest.fixture
def file_database(tmp_path: Path, django_db_blocker) -> Iterator[None]:
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only")
    connections.settings[ALIAS] = {
        **connection.settings_dict,
        "ENGINE": "jiceng.core.db.sqlite3",  # the ENGINE name the settings use
        "NAME": str(tmp_path / "fast.sqlite3"),
        "TEST": {},
    }
    with django_db_blocker.unblock():
        yield
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def test_an_atomic_block_holds_the_writer_lock_from_begin_to_commit(file_database):
    database = connections[ALIAS]
    assert isinstance(database, DatabaseWrapper)
    with transaction.atomic(using=ALIAS):
        assert database._writer_lock is not None
        with database.cursor() as cursor:
            cursor.execute("CREATE TABLE entry (n INTEGER)")
    assert database._writer_lock is None
    with pytest.raises(ZeroDivisionError), transaction.atomic(using=ALIAS):
        assert database._writer_lock is not None
        1 / 0  # noqa: B018
    assert database._writer_lock is None
