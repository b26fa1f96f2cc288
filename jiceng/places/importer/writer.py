"""Storing checked rows: new divisions in bulk, changed names or parents updated."""

from __future__ import annotations

from collections.abc import Iterator

from django.db import transaction

from jiceng.core.fast.bulk import insert_all
from jiceng.places.importer.checker import Rows
from jiceng.places.models import LEVEL_BY_LENGTH, Division

UPDATE_BATCH = 500


def _new_and_changed(rows: Rows, scope: str) -> tuple[list[str], list[str]]:
    """Split the file's codes into new ones and changed ones, reading stored rows in one query."""
    levels = list({LEVEL_BY_LENGTH[len(code)] for code in rows})
    # Each level is a range of the (level, code) index; order_by() drops the
    # model's ordering, which would only make the database sort for nothing.
    stored = Division.objects.filter(level__in=levels).order_by()
    if scope:
        stored = stored.filter(code__startswith=scope)
    # Streamed, not loaded into a dict: a national file would hold twice the memory.
    pending = set(rows)
    changed = []
    for code, name, parent in stored.values_list("code", "name", "parent_id").iterator(10_000):
        row = rows.get(code)
        if row is not None:
            pending.discard(code)
            if row != (name, parent):
                changed.append(code)
    return [code for code in rows if code in pending], changed


def _insert_values(codes: list[str], rows: Rows) -> Iterator[tuple[str, str, str, str | None]]:
    for code in codes:
        name, parent = rows[code]
        yield code, name, LEVEL_BY_LENGTH[len(code)], parent


def _create(codes: list[str], rows: Rows) -> None:
    """Insert new divisions with the driver's bulk path, not one model object per row.

    Through :func:`jiceng.core.fast.bulk.insert_all` (COPY on PostgreSQL, executemany
    on SQLite): bulk_create spent most of a national import building model objects and
    compiling parameters row by row (bench/divisions.md, "Where the time goes").
    """
    if not codes:  # a re-import must not even open a COPY
        return
    insert_all(Division, ("code", "name", "level", "parent"), _insert_values(codes, rows))


def _update(codes: list[str], rows: Rows) -> None:
    changed = [Division(code=code, name=rows[code][0], parent_id=rows[code][1]) for code in codes]
    Division.objects.bulk_update(changed, ["name", "parent"], batch_size=UPDATE_BATCH)


def write(rows: Rows, scope: str) -> tuple[int, int]:
    """Store new rows and changed ones; return (created, updated)."""
    with transaction.atomic():
        new, changed = _new_and_changed(rows, scope)
        _create(new, rows)
        _update(changed, rows)
    return len(new), len(changed)
