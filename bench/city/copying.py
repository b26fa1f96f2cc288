"""COPY streams into the big tables, by column name, with names from the models' ``_meta``.

Naming the columns keeps the load right whatever else a table holds (PostgreSQL's
generated search vector, a partition key) and however it is laid out: a COPY into the
parent of a partitioned table is routed to its partitions.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import connection, models
from django.db.models import Field, Model

from jiceng.cases.models import Case, CaseEvent, CaseSearch, Rating

MODELS: tuple[type[Model], ...] = (Case, CaseEvent, Rating, CaseSearch)
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def attnames(model: type[Model]) -> list[str]:
    return [field.attname for field in model._meta.concrete_fields]


def copy_statement(model: type[Model]) -> str:
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in model._meta.concrete_fields)
    return f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"


def text(value: Any) -> str:
    """One value in COPY's text format."""
    if value is None:
        return "\\N"
    if isinstance(value, str):
        return value.translate(_ESCAPES)
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False).translate(_ESCAPES)
    return str(value)


# Columns whose values never hold a tab, newline or backslash: codes, choices, hex digests.
_PLAIN = {
    "hash",
    "prev_hash",
    "case_digest",
    "head_hash",
    "division_code",
    "division_id",
    "kind",
    "from_state",
    "to_state",
    "state",
    "number",
    "urgency",
    "channel",
    "category_id",
    "satisfaction",
    "source",
}
_escaped: dict[str, str] = {}


def _pooled(value: str | None) -> str:
    """Free text, mostly from the pools: each distinct text is escaped once."""
    if value is None:
        return "\\N"
    found = _escaped.get(value)
    if found is None:
        found = value.translate(_ESCAPES)
        if len(_escaped) < 500_000:
            _escaped[value] = found
    return found


def _plain(value: Any) -> str:
    return "\\N" if value is None else str(value)


def _moment(value: datetime | None) -> str:
    return "\\N" if value is None else value.isoformat()


def converter(field: Field) -> Callable[[Any], str]:  # type: ignore[type-arg]
    """How one column's values are written, chosen once from the model field."""
    if isinstance(field, models.DateTimeField):
        return _moment
    if isinstance(field, (models.JSONField, models.BooleanField)):
        return text
    if isinstance(field, (models.CharField, models.TextField)) and field.attname not in _PLAIN:
        return _pooled
    return _plain


class Buffers:
    """One in-memory COPY stream per table, for a batch of cases."""

    def __init__(self) -> None:
        self.streams = {model: io.StringIO() for model in MODELS}
        self.columns = {
            model: [(f.attname, converter(f)) for f in model._meta.concrete_fields]
            for model in MODELS
        }

    def add(self, model: type[Model], values: dict[str, Any]) -> None:
        line = "\t".join([write(values[name]) for name, write in self.columns[model]])
        self.streams[model].write(line + "\n")

    def add_object(self, model: type[Model], row: Any) -> None:
        line = "\t".join([write(getattr(row, name)) for name, write in self.columns[model]])
        self.streams[model].write(line + "\n")

    def send(self, pg: Any, statements: dict[type[Model], str]) -> None:
        """COPY every stream over the psycopg connection ``pg``."""
        with pg.cursor() as cursor:
            for model, stream in self.streams.items():
                with cursor.copy(statements[model]) as copy:
                    copy.write(stream.getvalue())
