"""Public submission limits: one budget for the portal and the API, counted once per case."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from jiceng.cases import admission
from jiceng.cases.models import Case

from factories import FENGQIAO, TIANZHU

pytestmark = pytest.mark.django_db
PHONE = "13812345678"
API_BODY = {
    "category": "transport",
    "description": "村口路灯坏了，晚上看不见路。",
    "division": TIANZHU,
    "phone": PHONE,
    "name": "王小明",
}
PORTAL_FORM = {
    "category": "transport",
    "description": "村口的路灯坏了三个星期，晚上很黑。",
    "township": FENGQIAO,
    "village": TIANZHU,
    "address": "村口石桥东侧",
    "phone": "138 1234 5678",
    "name": "王小明",
}


def _api(client: Client, body: dict[str, Any] | None = None, **headers: str) -> Any:
    return client.post(
        "/api/v1/public/cases",
        json.dumps(body or API_BODY),
        content_type="application/json",
        headers=headers,
    )


def test_the_portal_and_the_api_share_one_phone_budget(org: object, monday: datetime) -> None:
    client = Client(REMOTE_ADDR="10.3.3.3")
    for _ in range(3):
        assert client.post("/submit/", PORTAL_FORM).status_code == 302
    assert [_api(client).status_code for _ in range(3)] == [201, 201, 429]
    page = client.post("/submit/", PORTAL_FORM).content.decode()
    assert "5 requests today" in page and Case.objects.count() == 5


def test_the_portal_and_the_api_share_one_address_budget(org: object, monday: datetime) -> None:
    client = Client(REMOTE_ADDR="10.4.4.4")
    for n in range(5):
        assert (
            client.post("/submit/", {**PORTAL_FORM, "phone": f"1391234{n:04d}"}).status_code == 302
        )
    statuses = [
        _api(client, {**API_BODY, "phone": f"1371234{n:04d}"}).status_code for n in range(6)
    ]
    assert statuses == [201] * 5 + [429]
    assert "wait an hour" in _api(client, {**API_BODY, "phone": "13600000000"}).json()["message"]


def test_a_replayed_idempotency_key_never_counts(org: object, monday: datetime) -> None:
    client = Client(REMOTE_ADDR="10.5.5.5")
    first = _api(client, **{"Idempotency-Key": "wechat-1"})
    replays = [_api(client, **{"Idempotency-Key": "wechat-1"}) for _ in range(6)]
    assert {r.json()["number"] for r in replays} == {first.json()["number"]}
    assert all(r.status_code == 201 and r["Idempotent-Replayed"] == "true" for r in replays)
    more = [_api(client, {**API_BODY, "description": f"第{n}件事"}).status_code for n in range(5)]
    assert more == [201] * 4 + [429] and Case.objects.count() == 5


def test_a_refused_api_submission_is_not_counted(org: object, monday: datetime) -> None:
    client = Client(REMOTE_ADDR="10.6.6.6")
    for _ in range(6):
        assert _api(client, {**API_BODY, "division": "330681109"}).status_code == 422
    assert admission.refusal(address="10.6.6.6", phone=PHONE) is None
    assert _api(client).status_code == 201


def test_flooding_a_phone_from_one_address_leaves_other_addresses_free(
    org: object, monday: datetime
) -> None:
    flooder = Client(REMOTE_ADDR="10.6.6.6")
    assert [_api(flooder).status_code for _ in range(6)][-1] == 429
    assert admission.refusal(address="10.7.7.7", phone=PHONE) is None
    assert _api(Client(REMOTE_ADDR="10.7.7.7")).status_code == 201
