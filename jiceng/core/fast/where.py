"""What a queryset's WHERE clause requires of one column, read from Django's query tree.

Full-text search narrows its index lookup to a place when every case of the searched
queryset lies under it (``cases.search.implied_place``; bench/search.md, "The
workbench's statements at 1M cases"). The scope is already in the queryset's
conditions, so it is read from them instead of being passed along every caller. This
walks ``query.where`` (``WhereNode`` children, lookups' ``lhs.target.column`` and
``lhs.alias``), which are Django internals: ``tests/core/test_fast_where.py`` pins
what they look like for the filters the scopes use.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.db.models.lookups import GreaterThanOrEqual, LessThan, StartsWith
from django.db.models.sql.where import AND, WhereNode


@dataclass
class ColumnBounds:
    """The greatest lower bound (``>=``), least upper bound (``<``) and required prefixes."""

    lowest: str = ""
    highest: str = ""
    prefixes: list[str] = field(default_factory=list)


def _conditions(where: WhereNode) -> list[object]:
    """The conditions a where clause requires outright (those joined by AND, not negated)."""
    if where.connector != AND or where.negated:
        return []
    found: list[object] = []
    for child in where.children:
        found.extend(_conditions(child) if isinstance(child, WhereNode) else [child])
    return found


def column_bounds(rows: QuerySet[Any], column: str) -> ColumnBounds:
    """The bounds on ``column`` of the queryset's own table that hold outright.

    A condition under OR or NOT is ignored, so the bounds can be too wide, never too
    narrow. Only string values are taken.
    """
    bounds = ColumnBounds()
    table = rows.model._meta.db_table
    for condition in _conditions(rows.query.where):
        lhs, rhs = getattr(condition, "lhs", None), getattr(condition, "rhs", None)
        if getattr(getattr(lhs, "target", None), "column", None) != column:
            continue
        if getattr(lhs, "alias", None) != table or not isinstance(rhs, str):
            continue
        if isinstance(condition, StartsWith):
            bounds.prefixes.append(rhs)
        elif isinstance(condition, GreaterThanOrEqual):
            bounds.lowest = max(bounds.lowest, rhs)
        elif isinstance(condition, LessThan):
            bounds.highest = min(bounds.highest, rhs) if bounds.highest else rhs
    return bounds
