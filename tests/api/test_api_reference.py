"""Native API: categories, the division tree, the dispatch catalogue, the rates; OpenAPI."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import Category
from jiceng.insights.rates import wilson
from jiceng.people.models import Unit, User

from factories import FENGQIAO, TIANZHU, at, local, resolve_and_rate, submit

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


def _escalated_and_rated(users: dict[str, User]) -> None:
    """Dispatched 09:00 to 天竺, escalated unaccepted at 10:00, the township signs at 11:00,
    resolves at 15:00, the resident rates it 满意 + solved at 18:00."""
    start = local(2026, 3, 2, 9, 0)
    case = at(start, submit, users=users)
    at(start, services.case_dispatch, case=case, by=users["dispatcher"])
    hour = timedelta(hours=1)
    at(start + hour, services.case_escalate, case=case, by=users["cadre"], reason="需镇协调")
    at(start + 2 * hour, services.case_accept, case=case, by=users["township"])
    resolve_and_rate(users, case, start + 6 * hour, "satisfied", True, by="township")


def test_rates_carry_counts_intervals_and_the_too_few_flag(
    client: Client, keys: dict[str, str], users: dict[str, User], settings: object
) -> None:
    _escalated_and_rated(users)
    query = {"year": 2026, "month": 3, "within": "330681", "level": "township"}
    rows = client.get("/api/v1/rates", query, headers={"X-API-Key": keys["dispatcher"]}).json()
    fengqiao = next(row for row in rows if row["code"] == FENGQIAO)
    # 天竺's clock answered by the escalation, the township's by its acceptance: 2 of 2.
    assert (fengqiao["dispatched"], fengqiao["responded"], fengqiao["rated"]) == (2, 2, 1)
    assert fengqiao["response"] == {
        "value": 1.0,
        "part": 2,
        "whole": 2,
        "low": pytest.approx(wilson(2, 2)[0]),
        "high": 1.0,
    }
    # One rating is fewer than the default ten: shown with its score, not ranked.
    assert (fengqiao["too_few"], fengqiao["ranked"], fengqiao["rank"]) == (True, False, None)
    assert fengqiao["composite"] == pytest.approx(100.0)
    settings.JICENG_RANKING_MIN_RATED = 1  # type: ignore[attr-defined]
    rows = client.get("/api/v1/rates", query, headers={"X-API-Key": keys["dispatcher"]}).json()
    first = rows[0]
    assert (first["code"], first["rank"], first["ranked"]) == (FENGQIAO, 1, True)


def test_rates_per_unit_give_each_unit_its_own_clocks_and_ratings(
    client: Client, keys: dict[str, str], users: dict[str, User], org: dict[str, Unit]
) -> None:
    _escalated_and_rated(users)
    query = {"year": 2026, "month": 3, "within": "330681", "level": "unit"}
    rows = client.get("/api/v1/rates", query, headers={"X-API-Key": keys["dispatcher"]}).json()
    lines = {row["unit_id"]: row for row in rows}
    tianzhu, fengqiao = lines[org["tianzhu"].pk], lines[org["fengqiao"].pk]
    assert (tianzhu["kind"], tianzhu["dispatched"], tianzhu["responded"]) == ("village", 1, 1)
    assert tianzhu["rated"] == 0  # the township resolved it: the rating is the township's
    assert (fengqiao["kind"], fengqiao["dispatched"], fengqiao["rated"]) == ("township", 1, 1)
    assert len(rows) == 8  # every unit of the county, with or without work
    outsider = client.get(
        "/api/v1/rates", {**query, "within": FENGQIAO}, headers={"X-API-Key": keys["outsider"]}
    )
    assert outsider.status_code == 403


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
