"""Tripwire: insert_row sends the statement and parameters the ORM's save sends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from fast_capture import statements, without_returning

from jiceng.cases.models import CaseEvent
from jiceng.core import clock
from jiceng.core.fast.inserts import insert_row
from jiceng.notices import outbox
from jiceng.notices.models import Message

from factories import submit

pytestmark = pytest.mark.django_db


def _same_insert(build) -> None:
    """The ORM's INSERT (rolled back) and ours, for equal instances."""
    point = transaction.savepoint()
    (orm,) = statements(lambda: build().save(force_insert=True), "INSERT")
    transaction.savepoint_rollback(point)
    row = build()
    (ours,) = statements(lambda: insert_row(row), "INSERT")
    assert without_returning(ours[0]) == without_returning(orm[0])
    assert (" RETURNING " in ours[0]) == (" RETURNING " in orm[0])
    assert ours[1] == orm[1]
    assert row.pk is not None and not row._state.adding


def test_an_event_is_inserted_with_the_orms_statement_and_values(users, monday):
    case = submit(users)
    at = clock.now() + timedelta(minutes=5)

    def event() -> CaseEvent:
        return CaseEvent(
            case_id=case.pk,
            seq=case.version + 1,
            kind="note",
            at=at,
            actor=users["cadre"],
            from_state=case.state,
            to_state=case.state,
            unit_id=case.owner_id,
            division_code=case.division_id,
            respond_by=at + timedelta(days=1),
            note="打过电话",
            data={"channel": "phone", "说明": [1, 2]},
            prev_hash=case.head_hash,
            hash="0" * 64,
            case_digest="1" * 64,
        )

    _same_insert(event)


def test_an_outbox_message_is_inserted_with_the_orms_statement_and_values(users, monday):
    case = submit(users)

    def message() -> Message:
        return outbox.message(
            key="tripwire",
            channel="inapp",
            template="case_new",
            params={"number": case.number, "title": "路灯"},
            at=case.submitted_at,
            case_id=case.pk,
            unit_id=case.owner_id,
            expect={"states": ["dispatched"]},
        )

    _same_insert(message)
