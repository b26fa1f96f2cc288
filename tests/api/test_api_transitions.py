"""Native API: one endpoint per transition, with 403/404/409 where they belong."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from jiceng.cases.models import Case, State
from jiceng.people.models import User

from factories import accepted, dispatched, resolved, submit

pytestmark = pytest.mark.django_db


def _act(
    client: Client, key: str, case: Case, action: str, body: dict[str, Any] | None = None
) -> Any:
    return client.post(
        f"/api/v1/cases/{case.number}/{action}",
        json.dumps(body or {}),
        content_type="application/json",
        headers={"X-API-Key": key},
    )


def _state(case: Case) -> str:
    return Case.objects.get(pk=case.pk).state


def test_a_case_goes_from_dispatch_to_closed_through_the_api(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = submit(users)
    assert _act(client, keys["dispatcher"], case, "dispatch").json()["state"] == "dispatched"
    assert _act(client, keys["cadre"], case, "accept").json()["state"] == "accepted"
    answer = {"answer": "已修好。"}
    assert _act(client, keys["cadre"], case, "resolve", answer).json()["state"] == "resolved"
    rating = {"solved": True, "satisfaction": "satisfied"}
    assert _act(client, keys["dispatcher"], case, "rate", rating).json()["state"] == "closed"
    reopened = _act(client, keys["dispatcher"], case, "reopen", {"reason": "又坏了"})
    assert reopened.json()["state"] == "dispatched"


def test_return_escalate_and_merge_have_their_own_endpoints(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    returned = dispatched(users)
    assert (
        _act(client, keys["cadre"], returned, "return", {"reason": "不归我们管"}).status_code == 200
    )
    assert _state(returned) == State.SUBMITTED
    escalated = accepted(users)
    response = _act(client, keys["cadre"], escalated, "escalate", {"reason": "需要镇里协调"})
    assert response.json()["owner_name"] == "枫桥镇人民政府"
    duplicate, original = submit(users), submit(users)
    merged = _act(client, keys["dispatcher"], duplicate, "merge", {"into": original.number})
    assert merged.json()["merged_into"] == original.number


def test_a_transition_from_the_wrong_state_is_a_409_and_changes_nothing(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = resolved(users)
    response = _act(client, keys["cadre"], case, "accept")
    assert response.status_code == 409
    assert response.json()["code"] == "illegal_transition"
    assert _state(case) == State.RESOLVED


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("dispatch", {}),
        ("accept", {}),
        ("return", {"reason": "x"}),
        ("escalate", {"reason": "x"}),
        ("resolve", {"answer": "x"}),
        ("rate", {"solved": True, "satisfaction": "satisfied"}),
        ("reopen", {"reason": "x"}),
        ("merge", {"into": "x"}),
    ],
)
def test_the_outsider_cannot_act_on_another_units_case(
    client: Client,
    keys: dict[str, str],
    users: dict[str, User],
    monday: datetime,
    action: str,
    body: dict[str, Any],
) -> None:
    case = dispatched(users)
    response = _act(client, keys["outsider"], case, action, body)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert "村口" not in response.content.decode()
    assert _state(case) == State.DISPATCHED
    assert (
        _act(client, keys["outsider"], Case(number="000000000000"), action, body).status_code == 404
    )


def test_a_neighbouring_village_key_cannot_accept_this_villages_case(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users, village="330681109003")
    response = _act(client, keys["cadre"], case, "accept")
    assert response.status_code == 403
    assert _state(case) == State.DISPATCHED


def test_an_idempotent_retry_of_a_transition_replays_instead_of_failing(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    headers = {"X-API-Key": keys["cadre"], "Idempotency-Key": "accept-1"}
    url = f"/api/v1/cases/{case.number}/accept"
    first = client.post(url, "{}", content_type="application/json", headers=headers)
    again = client.post(url, "{}", content_type="application/json", headers=headers)
    assert (first.status_code, again.status_code) == (200, 200)
    assert again.json() == first.json()
    assert Case.objects.get(pk=case.pk).events.filter(kind="accept").count() == 1


def test_a_bad_satisfaction_is_a_422_naming_the_field(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = resolved(users)
    response = _act(
        client, keys["dispatcher"], case, "rate", {"solved": True, "satisfaction": "meh"}
    )
    assert response.status_code == 422
    assert response.json()["field"] == "satisfaction"
    assert _state(case) == State.RESOLVED
