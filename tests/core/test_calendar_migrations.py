"""The migrations that flag provisional days and load 2027: forwards, backwards, and polite."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jiceng.core.models import CalendarDay

BEFORE_FLAGS = [("core", "0003_throttle_counters")]
BEFORE_2027 = [("core", "0004_calendar_day_provisional_and_source")]

# Serialised like the browser tests: a plain transactional test's flush would
# recreate content types that their rollback then loads a second time.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def executor() -> Iterator[MigrationExecutor]:
    migrator = MigrationExecutor(connection)
    yield migrator
    migrator.loader.build_graph()
    migrator.migrate(migrator.loader.graph.leaf_nodes())  # leave the schema as found


def _migrate(executor: MigrationExecutor, target: list[tuple[str, str]] | None) -> object:
    executor.loader.build_graph()
    target = target or executor.loader.graph.leaf_nodes("core")
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_going_back_removes_2027_and_coming_forward_loads_it_again(
    executor: MigrationExecutor,
) -> None:
    old = _migrate(executor, BEFORE_FLAGS)
    OldDay = old.get_model("core", "CalendarDay")  # type: ignore[attr-defined]
    assert not OldDay.objects.filter(date__year=2027).exists()
    assert OldDay.objects.filter(date__year=2026).count() == 39

    _migrate(executor, None)
    days = CalendarDay.objects.filter(date__year=2027)
    assert days.count() == 13 and all(day.provisional for day in days)
    official = CalendarDay.objects.get(date=date(2025, 1, 1))
    assert official.provisional is False
    assert official.source == "国务院办公厅关于2025年部分节假日安排的通知"


def test_a_2027_entered_before_the_migration_is_left_alone(executor: MigrationExecutor) -> None:
    old = _migrate(executor, BEFORE_2027)
    OldDay = old.get_model("core", "CalendarDay")  # type: ignore[attr-defined]
    OldDay.objects.create(date=date(2027, 1, 1), kind="holiday", name="元旦", source="notice")

    _migrate(executor, None)
    assert list(CalendarDay.objects.filter(date__year=2027).values_list("source", flat=True)) == [
        "notice"
    ]


def test_going_back_keeps_2027_days_that_the_notice_replaced(executor: MigrationExecutor) -> None:
    CalendarDay.objects.filter(date=date(2027, 1, 1)).update(provisional=False, source="notice")

    _migrate(executor, BEFORE_2027)
    assert list(CalendarDay.objects.filter(date__year=2027).values_list("date", flat=True)) == [
        date(2027, 1, 1)
    ]
