"""Tripwire: ``core.fast.chaintext`` writes what ``case_digest`` and ``hashchain.link`` hash.

bench/city's generator chains millions of events with these pieces; ``verify-history``
checks them with ``history.case_digest``'s and ``hashchain.link``'s bytes (through
``core.fast.chainlink``). A byte of difference would fail every generated case.
"""

from __future__ import annotations

import hmac
from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

import pytest
from test_fast_chainlink import TRICKY, _row

from jiceng.cases.history import CHAINED_FIELDS, case_digest, payload
from jiceng.cases.models import Case, State
from jiceng.core import hashchain
from jiceng.core.fast.chainlink import ROW_FIELDS
from jiceng.core.fast.chaintext import (
    Linker,
    canonical_data,
    moment_text,
    payload_text,
    texts_digest,
    value_text,
)

from factories import resolved

KEY = b"k" * 32
SHANGHAI = timezone(timedelta(hours=8))
AT = datetime(2026, 3, 1, 8, 30, 0, 123456, tzinfo=UTC)


def _typed(row):
    values = dict(zip(ROW_FIELDS, row, strict=True))
    respond_by = values["respond_by"]
    return (
        values["case_id"],
        values["seq"],
        values["kind"],
        moment_text(values["at"]),
        values["actor_id"],
        values["from_state"],
        values["to_state"],
        values["unit_id"],
        values["division_code"],
        None if respond_by is None else moment_text(respond_by),
        values["note"],
        canonical_data(values["data"]),
        values["case_digest"],
    )


@pytest.mark.parametrize("changes", TRICKY)
def test_a_typed_event_links_as_its_payload_does(changes):
    row = _row(**changes)
    event = SimpleNamespace(**dict(zip(ROW_FIELDS, row, strict=True)))
    expected = hashchain.link("e" * 64, payload(event), KEY)
    assert Linker(KEY)("e" * 64, payload_text(*_typed(row))) == expected


@pytest.mark.parametrize("key", [b"k" * 32, b"k", bytes(range(64)), b"\xff" * 65, b"long" * 40])
def test_the_linker_is_hmac_sha256_whatever_the_key_length(key):
    row = _row()
    event = SimpleNamespace(**dict(zip(ROW_FIELDS, row, strict=True)))
    linker = Linker(key)
    assert linker("0" * 64, payload_text(*_typed(row))) == hashchain.link(
        "0" * 64, payload(event), key
    )
    assert linker("1" * 64, "") == hmac.digest(key, b"1" * 64, "sha256").hex()  # used twice


@pytest.mark.parametrize(
    "moment",
    [AT, AT.replace(microsecond=0), AT.astimezone(SHANGHAI), datetime(2026, 1, 1, tzinfo=UTC)],
)
def test_a_moment_is_written_in_utc_to_the_microsecond_as_the_payload_encodes_it(moment):
    in_utc = moment.astimezone(UTC)  # history.payload converts to UTC before encoding
    assert f'"{moment_text(moment)}"' == hashchain.canonical({"x": in_utc})[5:-1].decode()
    assert moment_text(moment).endswith("+00:00") and "." in moment_text(moment)


def _values(**changes):
    values = {name: None for name in CHAINED_FIELDS}
    values.update(
        number="261201000007",
        kind="request",
        state="dispatched",
        category_id="streetlight",
        urgency="normal",
        channel="phone",
        title="路灯不亮",
        description='quote " backslash \\ newline \n tab \t \x01 \u2028 😀',
        division_id="330602001001",
        address="",
        resident_id=12,
        owner_id=5,
        respond_by=AT,
        resolve_by=AT.astimezone(SHANGHAI) + timedelta(days=7),
        submitted_at=AT - timedelta(hours=2),
        owner_since=AT.replace(microsecond=0),
        reopen_count=0,
    )
    values.update(changes)
    return values


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"state": State.CLOSED, "kind": "consultation"},  # choices members digest as values
        {"closed_at": datetime(1969, 12, 31, 23, 59, 59, 1, tzinfo=UTC), "reopen_count": 2},
        {"number": None, "title": "", "owner_id": None},
    ],
)
def test_chained_values_written_one_by_one_digest_as_case_digest(changes):
    values = _values(**changes)
    texts = [value_text(values[name]).encode() for name in CHAINED_FIELDS]
    assert texts_digest(texts) == case_digest(values)


@pytest.mark.django_db
def test_a_stored_cases_values_digest_as_case_digest(users):
    case = resolved(users)
    stored = Case.objects.filter(pk=case.pk).values_list(*CHAINED_FIELDS).get()
    values = dict(zip(CHAINED_FIELDS, stored, strict=True))
    texts = [value_text(values[name]).encode() for name in CHAINED_FIELDS]
    assert texts_digest(texts) == case_digest(values)


@pytest.mark.parametrize("value", [True, 1.5, b"x", {"a": 1}])
def test_a_value_the_digest_does_not_expect_is_refused(value):
    with pytest.raises(TypeError):
        value_text(value)
