"""Migration 0012 on PostgreSQL: an install with plain history tables is partitioned with
every row kept, and going back gives plain tables again with every row kept."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jiceng.cases import services
from jiceng.cases.models import CaseEvent, Rating
from jiceng.cases.verification import verify

from factories import resolved

BEFORE_PARTITIONS = [("cases", "0011_outbox")]

# Serialised like the other migration tests: a plain transactional test's flush would
# recreate content types that their rollback then loads a second time.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="partitions: PostgreSQL only"),
]


@pytest.fixture
def executor() -> Iterator[MigrationExecutor]:
    migrator = MigrationExecutor(connection)
    yield migrator
    migrator.loader.build_graph()
    migrator.migrate(migrator.loader.graph.leaf_nodes())  # leave the schema as found


def _migrate(executor: MigrationExecutor, target: list[tuple[str, str]] | None) -> None:
    executor.loader.build_graph()
    executor.migrate(target or executor.loader.graph.leaf_nodes("cases"))


def _kinds() -> dict[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, relkind FROM pg_class "
            "WHERE relname IN ('cases_caseevent', 'cases_rating')"
        )
        return dict(cursor.fetchall())


def _rated(users):
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction="satisfied")
    return case


def _holding(partition: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {partition}")
        return int(cursor.fetchone()[0])


def test_an_install_with_plain_tables_is_partitioned_with_every_row_kept(executor, users, monday):
    before = _rated(users)
    _migrate(executor, BEFORE_PARTITIONS)
    assert _kinds() == {"cases_caseevent": "r", "cases_rating": "r"}
    assert before.events.count() == 5 and Rating.objects.filter(case=before).exists()
    written_on_plain_tables = _rated(users)

    _migrate(executor, None)
    assert _kinds() == {"cases_caseevent": "p", "cases_rating": "p"}
    assert CaseEvent.objects.count() == 10 and Rating.objects.count() == 2
    assert _holding("cases_caseevent_p2026_03") == 10  # the month of Monday's events
    assert _holding("cases_rating_p2026_03") == 2
    assert list(verify()) == []
    after = _rated(users)  # ids go on from the last one copied
    last_before = written_on_plain_tables.events.order_by("id").last().id
    assert min(after.events.values_list("id", flat=True)) > last_before
    assert Rating.objects.get(case=after).event.case_id == after.pk
    assert list(verify()) == []


def test_going_back_gives_plain_tables_with_every_row_and_key(executor, users, monday):
    case = _rated(users)
    _migrate(executor, BEFORE_PARTITIONS)
    assert _kinds() == {"cases_caseevent": "r", "cases_rating": "r"}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = 'cases_rating'::regclass AND contype IN ('u', 'f') "
            "AND conname LIKE 'cases_rating_event%%' ORDER BY contype"
        )
        keys = [definition for (definition,) in cursor.fetchall()]
    assert keys[0].startswith("FOREIGN KEY (event_id) REFERENCES cases_caseevent(id)")
    assert keys[1] == "UNIQUE (event_id)"
    assert [e.seq for e in CaseEvent.objects.filter(case=case)] == [1, 2, 3, 4, 5]
    _migrate(executor, None)
    assert list(verify()) == []
