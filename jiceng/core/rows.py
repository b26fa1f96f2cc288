"""Plain rows for hot read paths: ``values()`` without the per-value overhead.

``QuerySet.values()`` runs every value through the backend's converters in Python.
For a page of cases that is five datetimes a row, each parsed again and made aware
(about half of an API list request on SQLite). :func:`plain_rows` runs the same
compiled query and applies the same converters, except that a datetime the driver
already parsed gets its UTC time zone directly. The SQL, the scoping and the results
are Django's; only the conversion loop is ours.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper, CursorWrapper
from django.db.models import DateTimeField, QuerySet

Converter = Callable[[Any], Any]


def _c_timestamptz() -> type | None:
    """psycopg's C loader for timestamptz, where psycopg and its C module are installed."""
    try:
        from psycopg import pq
        from psycopg.types.datetime import TimestamptzLoader
    except ImportError:  # pragma: no cover - SQLite-only installs
        return None
    # register_loader swaps a Python loader for its C twin only when the C module is in use.
    return TimestamptzLoader if pq.__impl__ in ("c", "binary") else None


_C_TIMESTAMPTZ = _c_timestamptz()


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


_PREPARING_CURSOR = _preparing_cursor_class()


class _PreparedDebugWrapper(CursorDebugWrapper):
    """Logs the statement as given: psycopg keeps no text for an executed prepared one."""

    def execute(self, sql: Any, params: Any = None) -> Any:
        with self.debug_sql(sql, params, use_last_executed_query=False):
            return CursorWrapper.execute(self, sql, params)


@contextmanager
def statement_cursor(connection: BaseDatabaseWrapper) -> Iterator[CursorWrapper]:
    """A cursor for a statement that runs at every request: prepared on PostgreSQL.

    PostgreSQL plans a statement each time it receives one; planning the API's case list
    cost it more than running it. Here the statement is prepared once per connection and
    then only executed. Parameters are bound on the server, so give this cursor
    statements whose plan does not depend on their values (``PlainQuery`` inlines its
    values for that reason). Where prepared statements are turned off
    (``JICENG_DB_PREPARED=false``) psycopg runs the statement without preparing it; on
    SQLite this is an ordinary cursor. Either way it is Django's cursor wrapper: errors,
    query logging and execute wrappers are Django's.
    """
    if connection.vendor != "postgresql" or _PREPARING_CURSOR is None:
        with connection.cursor() as cursor:
            yield cursor
        return
    connection.close_if_health_check_failed()
    connection.ensure_connection()
    with connection.wrap_database_errors:
        raw = _PREPARING_CURSOR(connection.connection)
        connection.validate_thread_sharing()
        cursor = (
            _PreparedDebugWrapper(raw, connection)
            if connection.queries_logged
            else connection.make_cursor(raw)
        )
    with cursor:
        yield cursor


def _aware(django_converter: Converter) -> Converter:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is datetime and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return django_converter(value)

    return convert


def _chain(converters: Sequence[Any], expression: Any, connection: Any) -> Converter:
    def convert(value: Any) -> Any:
        for converter in converters:
            value = converter(value, expression, connection)
        return value

    return convert


@dataclass(frozen=True)
class _Column:
    position: int
    converters: tuple[Any, ...]
    expression: Any
    datetime: bool  # a DateTimeField the driver already parsed (SQLite with USE_TZ)


@dataclass(frozen=True)
class PlainQuery:
    """A ``.values()`` query compiled once, to run again with :meth:`rows`.

    It holds the SQL, its parameters and how to convert each column, nothing tied to a
    connection or a thread, so it can be kept and reused by any thread of the process.
    The database state it reads is read at each run; only the SQL is fixed.
    """

    alias: str
    sql: str | None  # None: the conditions can match nothing
    params: tuple[Any, ...] | None  # None: the values are in the SQL (PostgreSQL)
    fields: tuple[str, ...]
    columns: tuple[_Column, ...]
    native_timestamps: bool = False  # PostgreSQL: psycopg's C loader for timestamptz
    prepared: bool = False  # kept and run again: prepared once per connection

    @classmethod
    def of(cls, values: QuerySet[Any, dict[str, Any]], *, keep: bool = False) -> PlainQuery | None:
        """The compiled query, or None for ``extra()`` columns (Django puts them first).

        ``keep``: the query will be run again and again (the API's list pages), so it is
        prepared on PostgreSQL. Preparing a query run once costs a round trip more.
        """
        query = values.query
        # Django selects the named fields first, then the annotations, in this order
        # (as ValuesIterable names them).
        fields = (*query.values_select, *query.annotation_select)
        if not fields or query.extra_select:
            return None
        connection = connections[values.db]
        compiler = query.get_compiler(values.db)
        try:
            sql, params = compiler.as_sql()
        except EmptyResultSet:
            return cls(values.db, None, (), fields, ())
        selected = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
        if len(selected) != len(fields):  # any other shape is read the ordinary way
            return None
        # SQLite's driver gives naive datetimes in the connection's zone: UTC unless the
        # database's TIME_ZONE says otherwise, when Django's own converter is used.
        fast = (
            settings.USE_TZ and connection.vendor == "sqlite" and connection.timezone_name == "UTC"
        )
        columns = tuple(
            _Column(
                position,
                tuple(converters),
                expression,
                fast and isinstance(getattr(expression, "output_field", None), DateTimeField),
            )
            for position, (converters, expression) in compiler.get_converters(selected).items()
        )
        # Django loads PostgreSQL's timestamptz with a Python subclass of psycopg's loader,
        # to give them its connection's zone; psycopg's own (C) loader already gives them
        # the session's zone, which Django set to that same zone. A third of a list page's
        # CPU went to the Python parser.
        native = (
            settings.USE_TZ
            and connection.vendor == "postgresql"
            and connection.timezone_name == "UTC"
            and _C_TIMESTAMPTZ is not None
        )
        if connection.vendor == "postgresql":
            # The values go into the statement text, as Django's own cursors send them, so
            # the prepared plan is the one PostgreSQL would choose for these values.
            inlined = connection.ops.compose_sql(sql, params)  # type: ignore[attr-defined]
            return cls(values.db, inlined, None, fields, columns, native, prepared=keep)
        return cls(values.db, sql, tuple(params), fields, columns, native)

    def rows(self) -> list[dict[str, Any]]:
        if self.sql is None:
            return []
        connection = connections[self.alias]
        steps: list[tuple[int, Converter]] = []
        for column in self.columns:
            convert = _chain(column.converters, column.expression, connection)
            steps.append((column.position, _aware(convert) if column.datetime else convert))
        opened = statement_cursor(connection) if self.prepared else connection.cursor()
        with opened as cursor:
            if self.native_timestamps:
                cursor.cursor.adapters.register_loader("timestamptz", _C_TIMESTAMPTZ)
            cursor.execute(self.sql, self.params)
            fetched = cursor.fetchall()
        fields = self.fields
        if not steps:
            return [dict(zip(fields, raw, strict=True)) for raw in fetched]
        rows: list[dict[str, Any]] = []
        for raw in fetched:
            row = list(raw)
            for position, convert in steps:
                row[position] = convert(row[position])
            rows.append(dict(zip(fields, row, strict=True)))
        return rows


def plain_rows(values: QuerySet[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    """``list(values)`` for a ``.values(*fields)`` queryset: the same dicts, converted faster.

    Fields and annotations are taken; a query with ``extra()`` columns is listed the
    ordinary way.
    """
    plain = PlainQuery.of(values)
    return list(values) if plain is None else plain.rows()
