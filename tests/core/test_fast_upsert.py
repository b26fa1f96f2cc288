"""Tripwire: upsert_row sends the statement ``bulk_create(update_conflicts=True)`` sends."""

from __future__ import annotations

import pytest
from django.db import transaction
from fast_capture import statements, without_returning

from jiceng.cases.models import CaseSearch
from jiceng.core.fast.upsert import upsert_row

from factories import submit

pytestmark = pytest.mark.django_db


def _orm(case_id: int, text: str) -> None:
    CaseSearch.objects.bulk_create(
        [CaseSearch(case_id=case_id, text=text)],
        update_conflicts=True,
        unique_fields=["case"],
        update_fields=["text"],
    )


@pytest.mark.parametrize("existing", [False, True], ids=["new row", "conflict"])
def test_the_upsert_is_the_orms_statement_and_leaves_the_orms_row(users, monday, existing):
    case = submit(users)  # indexed by case_submit
    if not existing:
        CaseSearch.objects.filter(case=case).delete()
    point = transaction.savepoint()
    (orm,) = statements(lambda: _orm(case.pk, "路灯 灯坏"), "INSERT")
    orm_text = CaseSearch.objects.get(case=case).text
    transaction.savepoint_rollback(point)
    (ours,) = statements(
        lambda: upsert_row(CaseSearch, {"case": case.pk, "text": "路灯 灯坏"}, key="case"), "INSERT"
    )
    assert ours[0] == without_returning(orm[0])
    assert ours[1] == orm[1]
    assert CaseSearch.objects.get(case=case).text == orm_text == "路灯 灯坏"
    assert CaseSearch.objects.filter(case=case).count() == 1


def test_the_table_name_is_the_models_and_quoted(users, monday):
    from django.db import connection

    case = submit(users)
    (ours,) = statements(
        lambda: upsert_row(CaseSearch, {"case": case.pk, "text": "x"}, key="case"), "INSERT"
    )
    table = connection.ops.quote_name(CaseSearch._meta.db_table)
    assert ours[0].startswith(f"INSERT INTO {table} ")
