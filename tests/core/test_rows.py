"""plain_rows gives exactly what values() gives, on either database."""

import pytest
from django.db.models import Count

from jiceng.cases import services
from jiceng.cases.models import Case
from jiceng.core.rows import plain_rows

from factories import dispatched, resolved, submit

pytestmark = pytest.mark.django_db

FIELDS = (
    "pk",
    "number",
    "submitted_at",
    "resolved_at",
    "closed_at",
    "owner__name",
    "merged_into__number",
    "resident__phone_masked",
)


def test_rows_match_values_with_datetimes_nulls_and_joins(users, monday):
    cases = [dispatched(users), resolved(users)]
    services.case_merge(case=submit(users), into=cases[0], by=users["dispatcher"])
    values = Case.objects.order_by("pk").values(*FIELDS)
    rows = plain_rows(values)
    assert rows == list(values)
    assert len(rows) == 3
    assert rows[1]["resolved_at"] is not None and rows[1]["resolved_at"].utcoffset() is not None
    assert rows[2]["merged_into__number"] == cases[0].number


def test_an_empty_or_impossible_filter_gives_no_rows(users, monday):
    dispatched(users)
    assert plain_rows(Case.objects.filter(pk__in=[]).values(*FIELDS)) == []
    assert plain_rows(Case.objects.filter(number="none").values(*FIELDS)) == []


def test_a_sliced_page_and_an_annotated_query_match_values(users, monday):
    for _ in range(4):
        dispatched(users)
    page = Case.objects.order_by("-pk").values(*FIELDS)[1:3]
    assert plain_rows(page) == list(page)
    counted = Case.objects.values("state").annotate(n=Count("pk")).order_by("state")
    assert plain_rows(counted) == list(counted) == [{"state": "dispatched", "n": 4}]
