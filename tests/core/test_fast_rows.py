"""Tripwire: the compiler internals PlainQuery reads are still there and mean the same.

``tests/core/test_rows.py`` compares its rows with ``values()``; this pins the pieces it
takes from Django's compiler, so an upgrade that moves them fails here by name.
"""

from __future__ import annotations

import inspect

import pytest
from django.db import connection
from django.db.models import Count
from django.db.models.sql.compiler import SQLCompiler

from jiceng.cases.models import Case
from jiceng.core.fast.rows import PlainQuery

pytestmark = pytest.mark.django_db


def test_the_compiler_still_offers_select_col_count_and_get_converters(users):
    values = Case.objects.values("number", "submitted_at").annotate(n=Count("events"))
    query = values.query
    assert list(query.values_select) == ["number", "submitted_at"]
    assert list(query.annotation_select) == ["n"] and not query.extra_select
    compiler = query.get_compiler(values.db)
    compiler.as_sql()
    assert compiler.col_count == 3
    selected = [column for column, _sql, _alias in compiler.select[: compiler.col_count]]
    assert [getattr(c, "target", None) and c.target.name for c in selected[:2]] == [
        "number",
        "submitted_at",
    ]
    assert list(inspect.signature(SQLCompiler.get_converters).parameters) == [
        "self",
        "expressions",
    ]
    converters = compiler.get_converters(selected)
    assert all(isinstance(position, int) for position in converters)
    assert all(len(pair) == 2 for pair in converters.values())  # (converters, expression)


def test_postgresql_composes_values_into_the_statement_text(users):
    if connection.vendor != "postgresql":
        pytest.skip("compose_sql is PostgreSQL's")
    assert list(inspect.signature(connection.ops.compose_sql).parameters) == ["sql", "params"]
    plain = PlainQuery.of(Case.objects.filter(number="x'y").values("pk"))
    assert plain is not None and plain.params is None and "'x''y'" in (plain.sql or "")
