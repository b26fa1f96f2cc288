"""The hot API endpoints cost a fixed number of queries, whatever the page size (no N+1)."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from jiceng.cases import services
from jiceng.cases.models import Case
from jiceng.people.models import User

from factories import BAISHU, TIANZHU, dispatched, resolved, submit

pytestmark = pytest.mark.django_db
OPEN311 = "/open311/v2/requests.json"
WINDOW = {"start_date": "2026-02-01T00:00:00+08:00", "end_date": "2026-03-31T00:00:00+08:00"}


@pytest.fixture
def many(users: dict[str, User], monday: datetime) -> list[Case]:
    """Cases in several states, two villages and two categories, some with answers."""
    cases = [dispatched(users) for _ in range(3)]
    cases += [resolved(users) for _ in range(2)]
    cases += [dispatched(users, village=BAISHU, category="utilities") for _ in range(2)]
    services.case_merge(case=submit(users), into=cases[0], by=users["dispatcher"])
    return cases


def test_a_page_of_cases_costs_two_queries_the_key_and_the_page(
    client: Client,
    keys: dict[str, str],
    many: list[Case],
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    headers = {"X-API-Key": keys["dispatcher"]}
    # A process loads a key's service user once, then only reads the key's row.
    with django_assert_num_queries(3):
        client.get("/api/v1/cases", {"limit": 1}, headers=headers)
    with django_assert_num_queries(2):
        page = client.get("/api/v1/cases", {"limit": 100}, headers=headers).json()
    assert len(page["items"]) == len(many) + 1
    merged = [item for item in page["items"] if item["merged_into"]]
    assert [item["merged_into"] for item in merged] == [many[0].number]
    assert {item["contact"]["phone"] for item in page["items"]} == {"138****5678"}
    with django_assert_num_queries(2):
        client.get("/api/v1/cases", {"limit": 2}, headers=headers)


def test_creating_a_case_through_the_api_costs_a_fixed_number_of_queries(
    client: Client,
    keys: dict[str, str],
    many: list[Case],
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    body = {
        "category": "transport",
        "description": "村口路灯坏了，晚上看不见路。",
        "division": TIANZHU,
        "phone": "13812345678",
    }
    post = {"content_type": "application/json", "headers": {"X-API-Key": keys["dispatcher"]}}
    client.post("/api/v1/cases", json.dumps(body), **post)  # reference data is read once
    with django_assert_num_queries(CREATE_QUERIES):
        response = client.post("/api/v1/cases", json.dumps(body), **post)
    assert response.status_code == 201
    assert response.json()["owner_name"]


def test_the_open311_list_costs_three_queries_and_a_repeated_one_none(
    client: Client, many: list[Case], django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    # The counties served, the time limits (both kept a minute), and the requests.
    with django_assert_num_queries(3):
        rows = client.get(OPEN311, WINDOW).json()
    assert len(rows) == len(many)  # the merged duplicate is not listed
    with django_assert_num_queries(0):
        again = client.get(OPEN311, WINDOW).json()
    assert again == rows
    with django_assert_num_queries(1):
        client.get(OPEN311, {**WINDOW, "status": "closed"})


def test_a_new_open311_query_sees_a_new_request_at_once(
    client: Client, users: dict[str, User], many: list[Case], monday: datetime
) -> None:
    before = client.get(OPEN311, WINDOW).json()
    added = dispatched(users)
    after = client.get(OPEN311, {**WINDOW, "service_code": "transport"}).json()
    assert added.number in {row["service_request_id"] for row in after}
    assert added.number not in {row["service_request_id"] for row in before}


def test_creating_through_open311_costs_a_fixed_number_of_queries(
    client: Client,
    keys: dict[str, str],
    many: list[Case],
    django_assert_num_queries: DjangoAssertNumQueries,
) -> None:
    form = {
        "api_key": keys["intake"],
        "service_code": "transport",
        "address_id": TIANZHU,
        "description": "村口路灯坏了，晚上看不见路。",
        "phone": "13812345678",
    }
    client.post(OPEN311, form)
    with django_assert_num_queries(OPEN311_CREATE_QUERIES):
        response = client.post(OPEN311, form)
    assert response.status_code == 200
    assert Case.objects.filter(number=response.json()[0]["service_request_id"]).exists()


# The key; case_submit's transaction (begin, resident, case, its full-text search row,
# its number, the first event, the resident's "received" SMS in the outbox, commit). The
# native API answers with the case as written (no read-back), so both cost the same.
OPEN311_CREATE_QUERIES = 9
CREATE_QUERIES = OPEN311_CREATE_QUERIES
