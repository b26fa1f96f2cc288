"""COPY streams into the big tables, by column name, checked against the models' ``_meta``.

Naming the columns keeps the load right whatever else a table holds (PostgreSQL's
generated search vector, a partition key) and however it is laid out: a COPY into the
parent of a partitioned table is routed to its partitions. The lines themselves are
written by ``chain`` (cases, events) and ``workers`` (ratings, search rows), one
f-string a row, in the column order named here.
"""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import Model

from bench.city.chain import CASE_COLUMNS, EVENT_COLUMNS
from jiceng.cases.models import Case, CaseEvent, CaseSearch, Rating
from jiceng.cases.verification.streams import RATING_FIELDS

MODELS: tuple[type[Model], ...] = (Case, CaseEvent, Rating, CaseSearch)
COLUMNS: dict[type[Model], tuple[str, ...]] = {
    Case: CASE_COLUMNS,
    CaseEvent: EVENT_COLUMNS,
    Rating: ("id", *RATING_FIELDS),
    CaseSearch: ("case_id", "text"),
}


def copy_statement(model: type[Model]) -> str:
    """``COPY table (columns) FROM STDIN`` in COLUMNS order, which must name every column."""
    fields = {field.attname: field.column for field in model._meta.concrete_fields}
    named = COLUMNS[model]
    assert sorted(named) == sorted(fields), (model, sorted(set(fields) ^ set(named)))
    quote = connection.ops.quote_name
    columns = ", ".join(quote(fields[name]) for name in named)
    return f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"


class Buffers:
    """One list of COPY lines per table, for a batch of cases."""

    def __init__(self) -> None:
        self.lines: dict[type[Model], list[str]] = {model: [] for model in MODELS}

    def send(self, pg: Any, statements: dict[type[Model], str]) -> None:
        """COPY every table's lines over the psycopg connection ``pg``."""
        with pg.cursor() as cursor:
            for model, lines in self.lines.items():
                with cursor.copy(statements[model]) as copy:
                    copy.write("".join(lines))
