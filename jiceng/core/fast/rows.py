"""Plain rows for hot read paths: ``values()`` without the per-value overhead.

``QuerySet.values()`` runs every value through the backend's converters in Python;
for a page of cases that is five datetimes a row, each parsed again and made aware
(bench/api/README.md, "What was changed, and why" and "Session 4"). :func:`plain_rows`
runs the same compiled query and applies the same converters, except that a datetime
the driver already parsed gets its UTC time zone directly. The SQL, the scoping and
the results are Django's; only the conversion loop is ours. It reads the compiler's
``select``, ``col_count`` and ``get_converters``: ``tests/core/test_rows.py`` compares
its rows with ``values()``, ``tests/core/test_fast_rows.py`` pins those internals.

A query compiled with ``bound=True`` keeps its values as parameters, bound on the server
and prepared once per connection on PostgreSQL, and :meth:`PlainQuery.tuples` runs it with
other values: one case's events and ratings, read at each ``verify-history --case``, are
planned over every month's partition otherwise (bench/city/README.md, "Session 13";
``tests/core/test_rows.py`` compares its rows with ``values_list()``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import DateTimeField, QuerySet

from jiceng.core.db.replica.router import read_alias
from jiceng.core.fast.converters import C_TIMESTAMPTZ, Converter, aware, chain
from jiceng.core.fast.statements import statement_cursor


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
    def of(
        cls, values: QuerySet[Any, Any], *, keep: bool = False, bound: bool = False
    ) -> PlainQuery | None:
        """The compiled query, or None for ``extra()`` columns (Django puts them first).

        ``keep``: the query will be run again and again (the API's list pages), so it is
        prepared on PostgreSQL. Preparing a query run once costs a round trip more.
        ``bound``: its values stay parameters, for :meth:`tuples` to run it with others;
        only for a statement whose plan does not depend on them.
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
        # the session's zone, which Django set to that same zone, and parses faster.
        native = (
            settings.USE_TZ
            and connection.vendor == "postgresql"
            and connection.timezone_name == "UTC"
            and C_TIMESTAMPTZ is not None
        )
        if connection.vendor == "postgresql" and not bound:
            # The values go into the statement text, as Django's own cursors send them, so
            # the prepared plan is the one PostgreSQL would choose for these values.
            inlined = connection.ops.compose_sql(sql, params)  # type: ignore[attr-defined]
            return cls(values.db, inlined, None, fields, columns, native, prepared=keep)
        return cls(values.db, sql, tuple(params), fields, columns, native, prepared=keep)

    def steps(self, connection: Any, *, raw: Collection[str] = ()) -> list[tuple[int, Converter]]:
        """Each converted column's position and converter; the fields in ``raw`` are left."""
        return [
            (column.position, aware(convert) if column.datetime else convert)
            for column in self.columns
            if self.fields[column.position] not in raw
            for convert in [chain(column.converters, column.expression, connection)]
        ]

    def _fetch(self, connection: Any, params: Sequence[Any] | None) -> list[tuple[Any, ...]]:
        assert self.sql is not None
        opened = statement_cursor(connection) if self.prepared else connection.cursor()
        with opened as cursor:
            if self.native_timestamps:
                cursor.cursor.adapters.register_loader("timestamptz", C_TIMESTAMPTZ)
            cursor.execute(self.sql, params)
            return cursor.fetchall()  # type: ignore[no-any-return]

    def tuples(self, *values: Any, using: str | None = None) -> list[tuple[Any, ...]]:
        """The rows of a ``values_list()`` query compiled ``bound``, run with ``values`` for
        its parameters (as many, in the same order), as ``values_list()`` gives them.

        ``using``: the database to read, when the caller has chosen it (a snapshot open
        there); else where the current request reads."""
        if self.sql is None:
            return []
        if self.params is None or len(values) != len(self.params):
            raise ValueError(f"this query takes {len(self.params or ())} values, not {len(values)}")
        connection = connections[using or read_alias(self.alias)]
        steps = self.steps(connection)
        fetched = self._fetch(connection, values)
        return [tuple(row) for row in (_converted(fetched, steps) if steps else fetched)]

    def rows(self) -> list[dict[str, Any]]:
        if self.sql is None:
            return []
        # Kept across requests: where to read is decided at each run (a read replica).
        connection = connections[read_alias(self.alias)]
        steps = self.steps(connection)
        fetched = self._fetch(connection, self.params)
        fields = self.fields
        rows = _converted(fetched, steps) if steps else fetched
        return [dict(zip(fields, row, strict=True)) for row in rows]


def _converted(
    fetched: Sequence[Sequence[Any]], steps: list[tuple[int, Converter]]
) -> list[list[Any]]:
    """The rows fetched, each as a list with the ``steps``' columns converted (the
    history walk's stream does the same inline, row by row, as it yields them)."""
    rows = []
    for raw in fetched:
        row = list(raw)
        for position, convert in steps:
            row[position] = convert(row[position])
        rows.append(row)
    return rows


def plain_rows(values: QuerySet[Any, dict[str, Any]]) -> list[dict[str, Any]]:
    """``list(values)`` for a ``.values(*fields)`` queryset: the same dicts, converted faster.

    Fields and annotations are taken; a query with ``extra()`` columns is listed the
    ordinary way.
    """
    plain = PlainQuery.of(values)
    return list(values) if plain is None else plain.rows()
