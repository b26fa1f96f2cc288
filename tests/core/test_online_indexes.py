"""Index migrations that leave a live table writable (``core.db.indexes``)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

# sqlmigrate opens a schema editor, which SQLite refuses inside a test's transaction.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

MIGRATION = ("cases", "0019_case_open_indexes")


def _sql(*, backwards=False):
    out = StringIO()
    call_command("sqlmigrate", *MIGRATION, backwards=backwards, stdout=out)
    return [line for line in out.getvalue().splitlines() if "INDEX" in line]


def test_the_open_case_indexes_are_built_before_the_old_one_goes_and_undone_in_reverse():
    forwards = _sql()
    names = ["case_open_in_place", "case_open_due", "case_open_age", "case_open_place"]
    assert [next(n for n in names if f'"{n}"' in line) for line in forwards] == names
    assert forwards[-1].startswith("DROP INDEX")
    backwards = _sql(backwards=True)
    assert backwards[0].startswith("CREATE INDEX") and '"case_open_place"' in backwards[0]
    assert all(line.startswith("DROP INDEX") for line in backwards[1:])


@pytest.mark.skipif(connection.vendor != "postgresql", reason="CONCURRENTLY is PostgreSQL's")
def test_on_postgresql_every_index_is_built_and_dropped_concurrently():
    for line in _sql() + _sql(backwards=True):
        assert "INDEX CONCURRENTLY" in line, line


@pytest.mark.skipif(connection.vendor == "postgresql", reason="SQLite builds plainly")
def test_elsewhere_indexes_are_built_plainly():
    assert not any("CONCURRENTLY" in line for line in _sql() + _sql(backwards=True))
