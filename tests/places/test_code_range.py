"""One division-code range helper: the same rows as ``startswith``, whatever the collation."""

from __future__ import annotations

import pytest
from django.db import connection

from jiceng.places.codes import code_range, next_code
from jiceng.places.models import Division, Level

FENGQIAO = "330681109"  # 枫桥镇: its code ends in 9, where a punctuation bound goes wrong
CODES = [
    "330681108001",
    "330681109000",
    "330681109001",
    "330681109205",
    "330681109999",
    "330681110001",
    "330682109001",
]


def _load() -> None:
    Division.objects.bulk_create(Division(code=c, name=c, level=Level.VILLAGE) for c in CODES)


def _under(prefix: str) -> list[str]:
    rows = Division.objects.filter(code_range("code", prefix)).order_by("code")
    return list(rows.values_list("code", flat=True))


def test_the_next_code_keeps_the_length_and_stops_after_all_nines() -> None:
    assert next_code("330681109") == "330681110"
    assert next_code("0009") == "0010"
    assert next_code("99") is None


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "33", "330681", FENGQIAO, "330681109999", "99", "3306x"])
def test_a_range_finds_exactly_the_codes_that_start_with_the_prefix(prefix: str) -> None:
    _load()
    assert _under(prefix) == [c for c in CODES if c.startswith(prefix)]


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="collations are PostgreSQL's")
def test_a_range_holds_under_a_linguistic_collation_where_punctuation_sorts_first() -> None:
    _load()
    with connection.cursor() as cursor:
        # Inside the test's transaction, rolled back after it: the codes compare as en-US.
        cursor.execute(
            'ALTER TABLE places_division ALTER COLUMN code TYPE varchar(12) COLLATE "en-US-x-icu"'
        )
        # The old bound, the last digit bumped to ":", finds nothing of 枫桥镇 here.
        cursor.execute(
            "SELECT count(*) FROM places_division WHERE code >= %s AND code < %s",
            [FENGQIAO, FENGQIAO + ":"],
        )
        assert cursor.fetchone() == (0,)
    assert _under(FENGQIAO) == ["330681109000", "330681109001", "330681109205", "330681109999"]
