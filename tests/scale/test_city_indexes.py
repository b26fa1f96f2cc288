"""The large load's index phase (bench/city/indexes.py) at a small scale: every index and
constraint the migrations made comes back, valid, and the loaded rows still verify."""

import re
import sys
from datetime import UTC, datetime

from city_marks import CITY_TEST, ROOT
from django.db import connection

pytestmark = CITY_TEST
TABLES = ("cases_case", "cases_caseevent", "cases_rating", "cases_casesearch")
_CATALOGUE = """
SELECT c.relname, pg_get_indexdef(i.indexrelid), i.indisvalid FROM pg_index i
JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
WHERE t.relname = ANY(%s)
UNION ALL
SELECT conname, pg_get_constraintdef(k.oid), convalidated FROM pg_constraint k
JOIN pg_class t ON t.oid = k.conrelid WHERE t.relname = ANY(%s) AND k.conparentid = 0
"""
# Every month of events and ratings has each of its parent's indexes, valid.
_MONTHS = """
SELECT p.relname, count(*) FILTER (WHERE i.indisvalid), count(*) FROM pg_inherits h
JOIN pg_class p ON p.oid = h.inhparent JOIN pg_index i ON i.indrelid = h.inhrelid
WHERE p.relname IN ('cases_caseevent', 'cases_rating') GROUP BY h.inhrelid, p.relname
"""


def _catalogue():
    """The loaded tables' own indexes and constraints (not their months' copies, nor a
    partitioned key's clones), each definition without parentheses and casts: a rebuilt
    partial index reads back with its casts moved."""
    with connection.cursor() as cursor:
        cursor.execute(_CATALOGUE, [list(TABLES), list(TABLES)])
        rows = cursor.fetchall()
    return sorted(
        (
            re.sub(r"_fkey\d*$", "_fkey", name),
            re.sub(r"[()]|::[a-z ]+(\[\])?", "", re.sub(r"_p\d{4}_\d{2}\(", "_pMONTH(", text)),
            valid,
        )
        for name, text, valid in rows
    )


def test_a_load_past_the_large_threshold_rebuilds_every_index_and_constraint(monkeypatch):
    sys.path.insert(0, str(ROOT))
    from bench.city import load
    from jiceng.cases.models import Case
    from jiceng.cases.verification import verify

    before = _catalogue()
    monkeypatch.setattr(load, "LARGE", 1000)  # set aside and rebuilt from 1,000 cases
    took = load.load_city(cases=1200, end=datetime(2026, 11, 20, tzinfo=UTC), batch=200)

    assert Case.objects.count() == 1200
    assert took["indexes"] > 0 and took["sizes"]["cases_caseevent"] > 0  # months summed
    connection.close()  # the test's connection may have cached plans of the old indexes
    after = _catalogue()
    assert after == before
    assert all(valid for _name, _definition, valid in after)
    with connection.cursor() as cursor:
        cursor.execute(_MONTHS)
        months = cursor.fetchall()
    parents = {
        t: sum(1 for n, d, _v in after if d.startswith("CREATE") and f"{t} " in d) for t in TABLES
    }
    assert len(months) > 60
    assert all(valid == count == parents[parent] for parent, valid, count in months)
    assert list(verify()) == []
