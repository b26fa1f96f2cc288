"""Tripwire: update_if writes what ``filter(pk=…, version=…).update(…)`` writes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.forms.models import model_to_dict
from fast_capture import statements

from jiceng.cases.models import Case
from jiceng.core import clock
from jiceng.core.fast.conditional import update_if

from factories import submit

pytestmark = pytest.mark.django_db


def _changes(users) -> dict[str, object]:
    return {
        "state": "dispatched",
        "owner": users["cadre"].unit,  # a model instance stands for its pk
        "respond_by": clock.now() + timedelta(days=2),
        "answer": "已派单",
        "version": 7,
    }


def test_the_statement_sets_what_the_orm_sets_with_the_same_values(users, monday):
    case = submit(users)
    changes = _changes(users)
    point = transaction.savepoint()
    (orm,) = statements(
        lambda: Case.objects.filter(pk=case.pk, version=case.version).update(**changes), "UPDATE"
    )
    transaction.savepoint_rollback(point)
    (ours,) = statements(
        lambda: update_if(Case, case.pk, where=("version", case.version), changes=changes),
        "UPDATE",
    )
    assert ours[0].split(" WHERE ")[0] == orm[0].split(" WHERE ")[0]
    assert ours[1] == orm[1]  # the values, then the pk and the version seen


def test_the_rows_changed_are_the_orms_for_a_current_and_a_stale_version(users, monday):
    case = submit(users)
    changes = _changes(users)
    for seen in (case.version, case.version + 1):
        point = transaction.savepoint()
        orm_count = Case.objects.filter(pk=case.pk, version=seen).update(**changes)
        orm_row = model_to_dict(Case.objects.get(pk=case.pk))
        transaction.savepoint_rollback(point)
        count = update_if(Case, case.pk, where=("version", seen), changes=changes)
        assert count == orm_count
        assert model_to_dict(Case.objects.get(pk=case.pk)) == orm_row
    assert Case.objects.get(pk=case.pk).version == 7
