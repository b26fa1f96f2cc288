"""Tripwire: the bulk inserts leave the rows ``bulk_create`` leaves."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from jiceng.core.fast import bulk
from jiceng.places.models import Division, Level

pytestmark = pytest.mark.django_db
NAMES = ("code", "name", "level", "parent")
COUNTY = "330681"


def _rows(start: int, count: int) -> list[tuple[str, str, str, str]]:
    return [
        (f"{COUNTY}9{n:02}", f"测试镇{n}", Level.TOWNSHIP.value, COUNTY)
        for n in range(start, start + count)
    ]


def _stored() -> list[tuple[object, ...]]:
    made = Division.objects.filter(code__startswith=f"{COUNTY}9").order_by("code")
    return list(made.values_list("code", "name", "level", "parent_id"))


def _orm(rows: list[tuple[str, str, str, str]], **options: object) -> None:
    divisions = [Division(code=c, name=n, level=lv, parent_id=p) for c, n, lv, p in rows]
    Division.objects.bulk_create(divisions, **options)  # type: ignore[arg-type]


def _both(write_ours, write_orm) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    point = transaction.savepoint()
    write_orm()
    orm = _stored()
    transaction.savepoint_rollback(point)
    write_ours()
    return _stored(), orm


def test_insert_all_writes_the_rows_bulk_create_writes(places):
    rows = _rows(0, 30)
    ours, orm = _both(lambda: bulk.insert_all(Division, NAMES, iter(rows)), lambda: _orm(rows))
    assert ours == orm and len(ours) == 30


def test_inserting_while_ignoring_conflicts_keeps_the_existing_rows_as_bulk_create_does(places):
    _orm(_rows(0, 3))
    renamed = [(code, "改名", level, parent) for code, _n, level, parent in _rows(0, 5)]
    ours, orm = _both(
        lambda: bulk.insert_ignoring_conflicts(Division, NAMES, renamed),
        lambda: _orm(renamed, ignore_conflicts=True),
    )
    assert ours == orm
    assert [name for _c, name, _l, _p in ours] == ["测试镇0", "测试镇1", "测试镇2", "改名", "改名"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="unnest arrays are PostgreSQL's")
def test_both_ways_of_ignoring_conflicts_write_the_same_rows(places):
    rows = _rows(0, 3)
    ours, values = _both(
        lambda: bulk.insert_arrays(Division, NAMES, rows),
        lambda: bulk.insert_values(Division, NAMES, rows),
    )
    assert ours == values


@pytest.mark.skipif(connection.vendor != "postgresql", reason="array casts are PostgreSQL's")
def test_outreach_columns_are_cast_to_the_types_the_table_has(db):
    """The array types come from the fields; a Django change to them shows here."""
    from jiceng.policies.models import Outreach
    from jiceng.policies.services.outreach import OUTREACH_COLUMNS

    types = [bulk._array_type(Outreach, name, "default") for name in OUTREACH_COLUMNS]
    assert types == [
        "bigint", "bigint", "bigint", "varchar", "jsonb", "varchar", "varchar",
        "timestamp with time zone",
    ]  # fmt: skip
