"""How :class:`~jiceng.core.fast.rows.PlainQuery` converts a column: Django's converters,
chained, with a shortcut for datetimes the driver already parsed (bench/api/README.md,
"Session 4"; ``tests/core/test_rows.py`` compares the results with ``values()``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

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


C_TIMESTAMPTZ = _c_timestamptz()


def aware(django_converter: Converter) -> Converter:
    def convert(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is datetime and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return django_converter(value)

    return convert


def chain(converters: Sequence[Any], expression: Any, connection: Any) -> Converter:
    def convert(value: Any) -> Any:
        for converter in converters:
            value = converter(value, expression, connection)
        return value

    return convert
