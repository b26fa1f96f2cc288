"""Native API: categories, the division tree, the dispatch catalogue, the rates; OpenAPI."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.test import Client

from jiceng.cases.models import Category
from jiceng.people.models import User

from factories import FENGQIAO, TIANZHU

pytestmark = pytest.mark.django_db


def test_categories_are_public_and_list_the_active_ones(client: Client, org: object) -> None:
    data = client.get("/api/v1/categories").json()
    assert [row["code"] for row in data] == list(
        Category.objects.filter(active=True).values_list("code", flat=True)
    )


def test_divisions_answer_a_prefix_query_and_walk_down_the_tree(
    client: Client, org: object
) -> None:
    rows = client.get("/api/v1/divisions", {"prefix": FENGQIAO}).json()
    assert [row["code"] for row in rows] == [FENGQIAO, TIANZHU, "330681109003"]
    villages = client.get("/api/v1/divisions", {"prefix": "330681", "level": "village"}).json()
    assert {row["level"] for row in villages} == {"village"}
    node = client.get(f"/api/v1/divisions/{FENGQIAO}").json()
    assert [child["code"] for child in node["children"]] == [TIANZHU, "330681109003"]
    assert client.get("/api/v1/divisions/999").status_code == 404
    assert client.get("/api/v1/divisions", {"level": "galaxy"}).json()["field"] == "level"


def test_the_catalogue_is_for_staff_of_the_county(client: Client, keys: dict[str, str]) -> None:
    rows = client.get(
        "/api/v1/catalogue", {"county": "330681"}, headers={"X-API-Key": keys["dispatcher"]}
    ).json()
    assert {(row["category"], row["tier"], row["unit_name"]) for row in rows} == {
        ("utilities", "county", "诸暨市水务集团")
    }
    other = client.get(
        "/api/v1/catalogue", {"county": "110101"}, headers={"X-API-Key": keys["dispatcher"]}
    )
    assert other.status_code == 403
    assert client.get("/api/v1/catalogue", {"county": "330681"}).status_code == 401


def test_rates_rank_areas_inside_the_callers_jurisdiction_only(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    query = {"year": 2026, "month": 3, "within": "330681", "level": "township"}
    rows = client.get("/api/v1/rates", query, headers={"X-API-Key": keys["dispatcher"]}).json()
    assert {row["code"] for row in rows} == {FENGQIAO, "330681001"}
    outsider = client.get("/api/v1/rates", query, headers={"X-API-Key": keys["outsider"]})
    assert outsider.status_code == 403
    bad = client.get(
        "/api/v1/rates", {**query, "month": 13}, headers={"X-API-Key": keys["dispatcher"]}
    )
    assert (bad.status_code, bad.json()["field"]) == (422, "level")


def test_the_openapi_document_lists_every_endpoint(client: Client, org: object) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path in (
        "/api/v1/cases",
        "/api/v1/cases/{number}/merge",
        "/api/v1/divisions/{code}",
        "/api/v1/catalogue",
        "/api/v1/rates",
        "/api/v1/public/cases/{number}",
    ):
        assert path in paths
    assert client.get("/api/v1/docs").status_code == 200
