"""The migration that encrypts health marks moves existing values, and moves them back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from jiceng.people.models import Resident

BEFORE = [("people", "0003_household_member_attributes")]
# The latest people migration: the checks below read through today's Resident model.
AFTER = None

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
    target = target or executor.loader.graph.leaf_nodes("people")
    executor.migrate(target)
    return executor.loader.project_state(target).apps


def test_plain_disability_values_are_encrypted_and_restored_by_the_reverse(
    executor: MigrationExecutor,
) -> None:
    old = _migrate(executor, BEFORE)
    OldResident = old.get_model("people", "Resident")  # type: ignore[attr-defined]
    yes = OldResident.objects.create(birth_date=date(1960, 1, 1), disability=True)
    no = OldResident.objects.create(birth_date=date(1961, 1, 1), disability=False)

    _migrate(executor, AFTER)
    assert Resident.objects.get(pk=yes.pk).disability is True
    assert Resident.objects.get(pk=no.pk).disability is False
    with connection.cursor() as cursor:
        cursor.execute("SELECT health FROM people_resident WHERE id IN (%s, %s)", [yes.pk, no.pk])
        tokens = [row[0] for row in cursor.fetchall()]
    assert all(token.startswith("gAAAAA") for token in tokens) and len(set(tokens)) == 2

    back = _migrate(executor, BEFORE)
    OldAgain = back.get_model("people", "Resident")  # type: ignore[attr-defined]
    assert OldAgain.objects.get(pk=yes.pk).disability is True
    assert OldAgain.objects.get(pk=no.pk).disability is False
