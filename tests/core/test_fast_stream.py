"""Tripwire: ``core.fast.stream.stream_tuples`` yields exactly what ``values_list()`` does."""

from __future__ import annotations

import pytest
from django.db import transaction

from jiceng.cases import services
from jiceng.cases.history import CHAINED_FIELDS
from jiceng.cases.models import Case, CaseEvent, Rating
from jiceng.cases.verification.streams import EVENT_FIELDS, RATING_FIELDS
from jiceng.core.fast.stream import stream_tuples

from factories import resolved, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(users):
    rated = resolved(users)
    services.case_rate(case=rated, solved=True, satisfaction="satisfied")
    submit(users)
    return rated


QUERIES = [
    lambda: Case.objects.order_by("pk").values_list("pk", *CHAINED_FIELDS),
    lambda: CaseEvent.objects.order_by("case_id", "seq").values_list(*EVENT_FIELDS),
    lambda: Rating.objects.order_by("case_id", "event_id").values_list(*RATING_FIELDS),
]


@pytest.mark.parametrize("query", QUERIES, ids=["cases", "events", "ratings"])
def test_streamed_rows_equal_the_orms_rows_value_for_value_and_type_for_type(history, query):
    expected = list(query())
    assert expected
    with transaction.atomic():
        streamed = list(stream_tuples(query(), chunk_size=2))  # several fetches
    assert streamed == expected
    assert [[type(v) for v in row] for row in streamed] == [
        [type(v) for v in row] for row in expected
    ]


def test_json_and_timestamps_come_back_as_python_values(history):
    rate = CaseEvent.objects.filter(case=history, kind="rate").values_list("data", "at")
    (data, at), *_ = stream_tuples(rate)
    assert data["satisfaction"] == "satisfied" and at.utcoffset().total_seconds() == 0


def test_a_query_that_can_match_nothing_streams_nothing(history):
    assert list(stream_tuples(Case.objects.filter(pk__in=[]).values_list("pk"))) == []
