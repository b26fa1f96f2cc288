"""A cursor for statements run at every request: prepared once per connection on PostgreSQL.

PostgreSQL plans a statement each time it receives one; for the API's case list the
planning cost more than the execution (bench/api/README.md, "Session 4"). Django sends
every statement unprepared, so :func:`statement_cursor` builds Django's own cursor
wrapper around a psycopg cursor that asks for preparation. It calls the connection's
internal steps in the order ``BaseDatabaseWrapper.cursor()`` does
(``tests/core/test_fast_statements.py`` pins them).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper


def _preparing_cursor_class() -> type | None:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - SQLite-only installs
        return None

    class PreparingCursor(psycopg.Cursor):  # type: ignore[type-arg]
        """Binds on the server and asks for every statement to be prepared at once."""

        def execute(self, query: Any, params: Any = None, **kwargs: Any) -> Any:
            kwargs["prepare"] = True
            return super().execute(query, params, **kwargs)

    return PreparingCursor


PREPARING_CURSOR = _preparing_cursor_class()


class _PreparedDebugWrapper(CursorDebugWrapper):
    """Logs the statement as given: psycopg keeps no text for an executed prepared one."""

    def execute(self, sql: Any, params: Any = None) -> Any:
        with self.debug_sql(sql, params, use_last_executed_query=False):
            return CursorWrapper.execute(self, sql, params)


@contextmanager
def statement_cursor(connection: BaseDatabaseWrapper) -> Iterator[CursorWrapper]:
    """A cursor for a statement that runs at every request: prepared on PostgreSQL.

    The statement is prepared once per connection and then only executed. Parameters
    are bound on the server, so give this cursor statements whose plan does not depend
    on their values (``PlainQuery`` inlines its values for that reason). Where prepared
    statements are turned off (``JICENG_DB_PREPARED=false``) psycopg runs the statement
    without preparing it; on SQLite this is an ordinary cursor. Either way it is
    Django's cursor wrapper: errors, query logging and execute wrappers are Django's.
    """
    if connection.vendor != "postgresql" or PREPARING_CURSOR is None:
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        raw = PREPARING_CURSOR(connection.connection)
        connection.validate_thread_sharing()
        cursor = (
            _PreparedDebugWrapper(raw, connection)
            if connection.queries_logged
            else connection.make_cursor(raw)
        )
    with cursor:
        yield cursor
