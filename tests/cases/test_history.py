"""Append-only, hash-chained history, and the verifier that catches tampering."""

from itertools import pairwise

import pytest
from django.db import connection

from jiceng.cases.history import verify
from jiceng.cases.models import CaseEvent
from jiceng.cli import main

from factories import resolved

pytestmark = pytest.mark.django_db


def test_untouched_history_verifies(users, monday):
    resolved(users)
    resolved(users)
    assert list(verify()) == []


def test_each_event_links_to_the_one_before(users, monday):
    case = resolved(users)
    events = list(case.events.order_by("seq"))
    assert [e.seq for e in events] == [1, 2, 3, 4]
    assert all(later.prev_hash == earlier.hash for earlier, later in pairwise(events))
    case.refresh_from_db()
    assert case.head_hash == events[-1].hash and case.version == 4


def _sql(statement, params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_editing_an_event_row_in_the_database_is_caught(users, monday):
    case = resolved(users)
    _sql(
        "UPDATE cases_caseevent SET note = %s WHERE case_id = %s AND seq = 4", ["没有问题", case.pk]
    )
    problems = list(verify())
    assert [(p.number, p.seq, p.problem) for p in problems] == [(case.number, 4, "event altered")]


def test_backdating_an_event_is_caught(users, monday):
    case = resolved(users)
    event = CaseEvent.objects.get(case=case, seq=3)
    _sql(
        "UPDATE cases_caseevent SET at = %s WHERE id = %s",
        [event.at.replace(year=event.at.year - 1), event.pk],
    )
    assert [p.number for p in verify()] == [case.number]


def test_deleting_an_event_in_the_middle_is_caught(users, monday):
    case = resolved(users)
    _sql("DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 2", [case.pk])
    assert {p.problem for p in verify()} >= {"event missing"}


def test_deleting_the_last_event_is_caught(users, monday):
    case = resolved(users)
    _sql("DELETE FROM cases_caseevent WHERE case_id = %s AND seq = 4", [case.pk])
    assert [(p.number, p.problem) for p in verify()] == [(case.number, "history truncated")]


def test_verify_history_command_names_the_case_and_fails(users, monday, capsys):
    good, bad = resolved(users), resolved(users)
    assert main(["verify-history"]) == 0
    _sql("UPDATE cases_caseevent SET note = 'x' WHERE case_id = %s AND seq = 1", [bad.pk])
    assert main(["verify-history"]) == 1
    out = capsys.readouterr().out
    assert bad.number in out and good.number not in out.split("passed")[-1]
