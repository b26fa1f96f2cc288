"""Statements as the database receives them, to compare a fast path with the ORM."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import connection


def plain(value: Any) -> Any:
    """A parameter as compared: psycopg's JSON wrappers by what they wrap."""
    return getattr(value, "obj", value)


def statements(action: Callable[[], object], verb: str) -> list[tuple[str, list[Any]]]:
    """The statements starting with ``verb`` that ``action`` sends, with their parameters.

    For ``executemany``, the parameters of its first row.
    """
    sent: list[tuple[str, list[Any]]] = []

    def record(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        first = (next(iter(params), []) if params else []) if many else (params or [])
        sent.append((sql, [plain(value) for value in first]))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        action()
    return [(sql, params) for sql, params in sent if sql.lstrip().upper().startswith(verb)]


def without_returning(sql: str) -> str:
    return sql.split(" RETURNING ")[0]
