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
from django.db.models.lookups import Exact, GreaterThanOrEqual, LessThan, StartsWith
from django.db.models.sql.where import AND, OR, WhereNode


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


def alternatives(rows: QuerySet[Any]) -> list[list[WhereNode]]:
    """The OR clauses the queryset's where clause requires outright, each as its branches.

    Each branch is a where clause of its own, for :func:`column_bounds` and
    :func:`column_values` to read (``permissions.scope_filter``: the unit's own cases OR
    the jurisdiction's).
    """
    found: list[list[WhereNode]] = []
    for node in [rows.query.where, *_subclauses(rows.query.where)]:
        if node.connector == OR and not node.negated:
            branches = [c if isinstance(c, WhereNode) else WhereNode([c]) for c in node.children]
            found.append(branches)
    return found


def _subclauses(where: WhereNode) -> list[WhereNode]:
    if where.connector != AND or where.negated:
        return []
    return [child for child in where.children if isinstance(child, WhereNode)]


def _on_column(rows: QuerySet[Any], column: str, where: WhereNode | None) -> list[Any]:
    """The outright conditions of ``where`` (the queryset's own) on ``column`` of its table."""
    table = rows.model._meta.db_table
    found = []
    for condition in _conditions(rows.query.where if where is None else where):
        lhs = getattr(condition, "lhs", None)
        if getattr(getattr(lhs, "target", None), "column", None) != column:
            continue
        if getattr(lhs, "alias", None) == table:
            found.append(condition)
    return found


def column_values(rows: QuerySet[Any], column: str, where: WhereNode | None = None) -> list[int]:
    """The integers ``column`` must equal (``=``) outright; several only if nothing matches."""
    return [
        condition.rhs
        for condition in _on_column(rows, column, where)
        if isinstance(condition, Exact) and type(condition.rhs) is int
    ]


def column_bounds(rows: QuerySet[Any], column: str, where: WhereNode | None = None) -> ColumnBounds:
    """The bounds on ``column`` of the queryset's own table that hold outright.

    A condition under OR or NOT is ignored, so the bounds can be too wide, never too
    narrow. Only string values are taken. ``where``: one branch of an OR clause of the
    queryset (:func:`alternatives`) instead of its whole where clause.
    """
    bounds = ColumnBounds()
    for condition in _on_column(rows, column, where):
        rhs = condition.rhs
        if not isinstance(rhs, str):
            continue
        if isinstance(condition, StartsWith):
            bounds.prefixes.append(rhs)
        elif isinstance(condition, GreaterThanOrEqual):
            bounds.lowest = max(bounds.lowest, rhs)
        elif isinstance(condition, LessThan):
            bounds.highest = min(bounds.highest, rhs) if bounds.highest else rhs
    return bounds
