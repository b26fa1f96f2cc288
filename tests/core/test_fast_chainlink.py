"""Tripwire: ``core.fast.chainlink`` hashes an event row exactly as ``hashchain.link`` does.

The verifier (``cases.verification``) recomputes every link with it, so any byte of
difference would report every case as tampered, or, worse, let an altered row pass.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from django.db import transaction

from jiceng.cases import services
from jiceng.cases.history import CHAINED_FIELDS, case_digest, payload
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.verification.events import event_link, values_digest
from jiceng.cases.verification.streams import EVENT_FIELDS
from jiceng.core import hashchain
from jiceng.core.crypto import history_key
from jiceng.core.fast.chainlink import ROW_FIELDS, row_digest, row_link, written_row
from jiceng.core.fast.stream import stream_tuples

from factories import resolved

KEY = b"k" * 32
AT = datetime(2026, 3, 1, 8, 30, 0, 123456, tzinfo=UTC)


def _row(**changes):
    values = {
        "case_id": 7,
        "id": 70,
        "seq": 3,
        "kind": "dispatch",
        "at": AT,
        "actor_id": 11,
        "from_state": "submitted",
        "to_state": "dispatched",
        "unit_id": 5,
        "division_code": "330602001001",
        "respond_by": AT + timedelta(hours=4),
        "note": "路灯不亮",
        "data": {},
        "case_digest": "ab" * 32,
    }
    values.update(changes)
    return tuple(values[name] for name in ROW_FIELDS)


def payload_of(row):
    return payload(SimpleNamespace(**dict(zip(ROW_FIELDS, row, strict=True))))


def _ordinary(row):
    return hashchain.canonical(payload_of(row))


TRICKY = [
    {},
    {"note": 'quote " backslash \\ newline \n tab \t nul-ish \x01 \u2028 emoji 😀'},
    {"actor_id": None, "unit_id": None, "respond_by": None},
    {"case_digest": ""},
    {"data": {"z": 1, "a": [1, 2.5, None, True], "中": {"b": "二", "a": "一"}}},
    {"data": {"satisfaction": "satisfied", "solved": True, "source": "sms"}},
    {"at": AT.astimezone(timezone(timedelta(hours=8)))},
    {"division_code": "", "from_state": "", "note": ""},
    {"kind": EventKind.DISPATCH},  # a choices member hashes as its value
]


@pytest.mark.parametrize("changes", TRICKY)
def test_a_row_is_written_out_byte_for_byte_as_the_payload_is_canonicalised(changes):
    row = _row(**changes)
    assert written_row(row) == _ordinary(row)
    assert row_link("f" * 64, row, KEY) == hashchain.link("f" * 64, payload_of(row), KEY)


@pytest.mark.parametrize(
    "changes", [{"actor_id": True}, {"seq": 3.0}, {"note": None}, {"at": None}]
)
def test_a_value_of_another_type_is_left_to_the_ordinary_way(changes):
    row = _row(**changes)
    assert written_row(row) is None and row_link("f" * 64, row, KEY) is None
    assert event_link("f" * 64, row, KEY) == hashchain.link("f" * 64, payload_of(row), KEY)


def test_data_given_as_stored_json_text_is_written_as_its_value():
    value = {"z": [1, "二"], "a": {"y": None, "b": 1.5}}
    for stored in ('{"a": {"b": 1.5, "y": null}, "z": [1, "二"]}', json.dumps(value)):
        assert written_row(_row(data=stored)) == _ordinary(_row(data=value))
        odd = _row(data=stored, seq=True)  # the ordinary way decodes the text too
        assert event_link("0" * 64, odd, KEY) == row_link_of(_row(data=value, seq=True))


def row_link_of(row):
    return hashchain.link("0" * 64, payload_of(row), KEY)


@pytest.mark.django_db
def test_a_case_rows_digest_is_the_applications(users):
    case = resolved(users)
    values = Case.objects.filter(pk=case.pk).values_list(*CHAINED_FIELDS).get()
    assert row_digest(values) == case_digest(dict(zip(CHAINED_FIELDS, values, strict=True)))
    state = CHAINED_FIELDS.index("state")
    member = (*values[:state], State(values[state]), *values[state + 1 :])
    assert row_digest(member) == row_digest(values)  # a choices member digests as its value
    odd = (*values[:-1], True)  # a type the digest does not expect is left to case_digest
    assert row_digest(odd) is None
    assert values_digest(odd) == case_digest(dict(zip(CHAINED_FIELDS, odd, strict=True)))


@pytest.mark.django_db
def test_every_stored_event_of_a_real_case_links_as_the_application_linked_it(users):
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction="satisfied")
    events = CaseEvent.objects.filter(case=case).order_by("seq").values_list(*EVENT_FIELDS)
    rows = list(events)
    assert len(rows) >= 5 and EVENT_FIELDS[: len(ROW_FIELDS)] == ROW_FIELDS
    with transaction.atomic():  # as the walk reads them: data left as stored JSON text
        rows += list(stream_tuples(events, raw=("data",)))
    assert isinstance(rows[-1][12], str)
    for row in rows:
        assert written_row(row) is not None, row
        assert row_link(row[14], row, history_key()) == row[15]
