"""Native API: creating, listing and reading cases; errors; retries; scoping."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from jiceng.api.models import IdempotencyRecord
from jiceng.cases.models import Case, Channel
from jiceng.people.models import User

from factories import BAISHU, JIANGDONG, TIANZHU, dispatched, submit

pytestmark = pytest.mark.django_db
BODY = {
    "category": "transport",
    "description": "村口路灯坏了，晚上看不见路。",
    "division": TIANZHU,
    "phone": "13812345678",
    "name": "王小明",
}


def _post(client: Client, path: str, body: dict[str, Any], **headers: str) -> Any:
    return client.post(path, json.dumps(body), content_type="application/json", headers=headers)


def _error(response: Any, status: int, code: str, field: str | None = None) -> dict[str, Any]:
    assert response.status_code == status
    body = response.json()
    assert (body["code"], body["field"]) == (code, field)
    assert body["message"]
    return dict(body)


def test_staff_create_a_case_with_an_api_key_and_see_it_masked(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    response = _post(client, "/api/v1/cases", BODY, **{"X-API-Key": keys["dispatcher"]})
    assert response.status_code == 201
    data = response.json()
    case = Case.objects.get(number=data["number"])
    assert case.channel == Channel.API
    assert data["contact"] == {"name": "王**", "phone": "138****5678"}
    assert "13812345678" not in response.content.decode()


@pytest.mark.parametrize("urgency", ["normal", "emergency"])
def test_the_answer_to_a_creation_is_the_case_as_stored(
    client: Client, keys: dict[str, str], monday: datetime, urgency: str
) -> None:
    # The answer is built from what was written, not read back: it must say the same.
    headers = {"X-API-Key": keys["dispatcher"]}
    created = _post(client, "/api/v1/cases", {**BODY, "urgency": urgency}, **headers).json()
    stored = client.get(f"/api/v1/cases/{created['number']}", headers=headers).json()
    listed = client.get("/api/v1/cases", headers=headers).json()["items"]
    assert created == stored == listed[0]
    assert created["owner_name"] and created["state"] == "submitted"
    assert created["resolve_by"].endswith("Z")


def test_the_public_create_without_a_key_and_are_rate_limited_per_phone(
    client: Client, org: object, monday: datetime
) -> None:
    statuses = [_post(client, "/api/v1/public/cases", BODY).status_code for _ in range(6)]
    assert statuses == [201] * 5 + [429]
    _error(_post(client, "/api/v1/public/cases", BODY), 429, "throttled")
    assert Case.objects.count() == 5


def test_the_public_behind_a_trusted_proxy_are_limited_per_visitor_not_per_proxy(
    org: object, monday: datetime, settings: Any
) -> None:
    settings.JICENG_TRUSTED_PROXIES = ("10.0.0.2/32",)
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    statuses = [
        _post(first, "/api/v1/public/cases", {**BODY, "phone": f"1391234{n:04d}"}).status_code
        for n in range(11)
    ]
    # One admission rule for every channel (jiceng.cases.admission): 10 an hour per visitor.
    assert statuses == [201] * 10 + [429]
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert _post(second, "/api/v1/public/cases", BODY).status_code == 201


def test_behind_a_proxy_one_visitors_idempotency_key_never_replays_to_another(
    org: object, monday: datetime, settings: Any
) -> None:
    settings.JICENG_TRUSTED_PROXIES = ("10.0.0.2/32",)
    first = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1")
    second = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2")
    key = {"Idempotency-Key": "phone-app-1"}
    mine = _post(first, "/api/v1/public/cases", BODY, **key).json()
    theirs = _post(second, "/api/v1/public/cases", {**BODY, "phone": "13900001111"}, **key)
    assert theirs.status_code == 201 and theirs.json()["number"] != mine["number"]
    assert Case.objects.count() == 2


def test_an_idempotent_retry_returns_the_first_answer_and_creates_nothing(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    headers = {"X-API-Key": keys["dispatcher"], "Idempotency-Key": "field-app-7"}
    first = _post(client, "/api/v1/cases", BODY, **headers)
    again = _post(client, "/api/v1/cases", BODY, **headers)
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.json() == first.json()
    assert Case.objects.count() == 1
    changed = _post(client, "/api/v1/cases", {**BODY, "description": "另一件事"}, **headers)
    _error(changed, 409, "idempotency_key_reused")
    assert Case.objects.count() == 1
    assert IdempotencyRecord.objects.count() == 1


def test_a_refused_request_is_not_remembered_so_a_corrected_retry_works(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    headers = {"X-API-Key": keys["dispatcher"], "Idempotency-Key": "k"}
    _error(
        _post(client, "/api/v1/cases", {**BODY, "phone": "1"}, **headers), 422, "invalid", "phone"
    )
    assert _post(client, "/api/v1/cases", BODY, **headers).status_code == 201


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"phone": "12"}, "phone"),
        ({"division": "330681109"}, "division"),
        ({"category": "nope"}, "category"),
        ({"description": "  "}, "description"),
        ({"urgency": "whenever"}, "urgency"),
        ({"description": None}, "description"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_writes_nothing(
    client: Client, keys: dict[str, str], change: dict[str, Any], field: str
) -> None:
    response = _post(
        client, "/api/v1/cases", {**BODY, **change}, **{"X-API-Key": keys["dispatcher"]}
    )
    _error(response, 422, "invalid", field)
    assert not Case.objects.exists()


def test_without_credentials_staff_endpoints_answer_401(client: Client, org: object) -> None:
    _error(client.get("/api/v1/cases"), 401, "unauthenticated")
    _error(client.get("/api/v1/cases", headers={"X-API-Key": "jck_x_y"}), 401, "unauthenticated")


def test_a_session_works_for_reads(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    client.force_login(users["cadre"])
    assert client.get(f"/api/v1/cases/{case.number}").json()["number"] == case.number


def test_a_key_cannot_create_outside_its_jurisdiction(client: Client, keys: dict[str, str]) -> None:
    _error(
        _post(client, "/api/v1/cases", BODY, **{"X-API-Key": keys["outsider"]}), 403, "forbidden"
    )
    assert not Case.objects.exists()


@pytest.fixture
def three(users: dict[str, User], monday: datetime) -> dict[str, Case]:
    return {
        "tianzhu": dispatched(users),
        "baishu": dispatched(users, village=BAISHU, category="environment"),
        "jiangdong": submit(users, village=JIANGDONG),
    }


def _numbers(client: Client, key: str, **query: Any) -> list[str]:
    response = client.get("/api/v1/cases", query, headers={"X-API-Key": key})
    assert response.status_code == 200
    return [item["number"] for item in response.json()["items"]]


def test_lists_show_only_the_callers_jurisdiction(
    client: Client, keys: dict[str, str], three: dict[str, Case]
) -> None:
    assert _numbers(client, keys["cadre"]) == [three["tianzhu"].number]
    assert _numbers(client, keys["outsider"]) == [three["jiangdong"].number]
    assert len(_numbers(client, keys["dispatcher"])) == 3


def test_lists_filter_by_state_category_division_owner_and_dates(
    client: Client, keys: dict[str, str], three: dict[str, Case], monday: datetime
) -> None:
    key = keys["dispatcher"]
    assert _numbers(client, key, state="submitted") == [three["jiangdong"].number]
    assert _numbers(client, key, category="environment") == [three["baishu"].number]
    assert set(_numbers(client, key, division="330681109")) == {
        three["tianzhu"].number,
        three["baishu"].number,
    }
    assert _numbers(client, key, owner=three["tianzhu"].owner_id) == [three["tianzhu"].number]
    assert _numbers(client, key, submitted_from="2026-03-03T00:00:00+08:00") == []


def test_cursor_pagination_walks_every_case_once(
    client: Client, keys: dict[str, str], three: dict[str, Case]
) -> None:
    seen: list[str] = []
    cursor = ""
    while True:
        query = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = client.get("/api/v1/cases", query, headers={"X-API-Key": keys["dispatcher"]}).json()
        seen += [item["number"] for item in page["items"]]
        if not page["next_cursor"]:
            break
        cursor = page["next_cursor"]
    assert sorted(seen) == sorted(case.number for case in three.values())
    too_many = client.get(
        "/api/v1/cases", {"limit": 500}, headers={"X-API-Key": keys["dispatcher"]}
    )
    _error(too_many, 422, "invalid", "limit")
    bad = client.get("/api/v1/cases", {"cursor": "!!"}, headers={"X-API-Key": keys["dispatcher"]})
    _error(bad, 422, "invalid", "cursor")


def test_the_outsider_gets_403_for_another_units_case_and_404_for_none(
    client: Client, keys: dict[str, str], three: dict[str, Case]
) -> None:
    headers = {"X-API-Key": keys["outsider"]}
    denied = client.get(f"/api/v1/cases/{three['tianzhu'].number}", headers=headers)
    _error(denied, 403, "forbidden")
    assert "村口" not in denied.content.decode()
    _error(client.get("/api/v1/cases/000000000000", headers=headers), 404, "not_found")


def test_the_public_follow_a_case_by_number_and_phone_digits(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    url = f"/api/v1/public/cases/{case.number}"
    data = client.get(url, {"phone_last4": "5678"}).json()
    assert [step["kind"] for step in data["timeline"]] == ["submit", "dispatch"]
    assert "王" not in json.dumps(data, ensure_ascii=False)
    _error(client.get(url, {"phone_last4": "0000"}), 404, "not_found")


def test_phones_ids_names_and_house_numbers_typed_into_a_case_are_masked_in_list_and_detail(
    client: Client, keys: dict[str, str], users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(
        users,
        title="我叫李秀英，电话13987654321",
        description="我叫李秀英，电话13987654321，身份证330681199001011234，路灯坏了",
        address="新街村3栋2单元501室",
    )
    headers = {"X-API-Key": keys["cadre"]}
    (listed,) = client.get("/api/v1/cases", headers=headers).json()["items"]
    detail = client.get(f"/api/v1/cases/{case.number}", headers=headers).json()
    for item in (listed, detail):
        assert item["title"] == "我叫李**，电话139****4321"
        masked = "我叫李**，电话139****4321，身份证3306**********1234，路灯坏了"
        assert item["description"] == masked
        assert item["address"] == "新街村**"
        body = json.dumps(item, ensure_ascii=False)
        assert "13987654321" not in body and "李秀英" not in body and "501" not in body


def test_the_public_create_answers_with_the_typed_phone_masked(
    client: Client, org: object, monday: datetime
) -> None:
    body = {**BODY, "description": "我叫李秀英，电话13987654321，村口路灯坏了。"}
    response = _post(client, "/api/v1/public/cases", body)
    assert response.status_code == 201
    assert response.json()["description"] == "我叫李**，电话139****4321，村口路灯坏了。"
    assert "13987654321" not in response.content.decode()
