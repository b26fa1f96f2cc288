"""Open311 requests: creating with a key, reading with the spec's filters, never leaking PII."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from open311_check import as_strings, valid_json, xml_data

from jiceng.api.services import apikey_revoke
from jiceng.cases import services
from jiceng.cases.models import Case, Channel
from jiceng.core import clock
from jiceng.people.models import User

from factories import JIANGDONG, TIANZHU, dispatched, resolved, submit

pytestmark = pytest.mark.django_db
URL = "/open311/v2/requests"
PHONE = "13812345678"


def _form(key: str, **fields: str) -> dict[str, str]:
    form = {
        "api_key": key,
        "service_code": "transport",
        "address_id": TIANZHU,
        "description": "村口路灯坏了，晚上看不见路。",
        "phone": PHONE,
        "first_name": "小明",
        "last_name": "王",
    }
    form.update(fields)
    return {name: value for name, value in form.items() if value != "-"}


def _error(response: Any, status: int) -> str:
    assert response.status_code == status
    body = response.json()
    assert body[0]["code"] == status
    return str(body[0]["description"])


# --- creating ---------------------------------------------------------------------------------


def test_a_keyed_post_creates_a_case_and_returns_its_number_and_notice(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    response = client.post(f"{URL}.json", _form(keys["intake"], account_id="wx-42"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    [row] = response.json()
    case = Case.objects.get(number=row["service_request_id"])
    assert case.channel == Channel.OPEN311
    assert case.division_id == TIANZHU
    assert row["account_id"] == "wx-42"
    assert "7" in row["service_notice"]  # transport: seven working days


def test_a_url_encoded_post_like_real_clients_send_is_retried_safely(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    from urllib.parse import urlencode

    body = urlencode(_form(keys["intake"]))
    kind = "application/x-www-form-urlencoded; charset=utf-8"
    for _attempt in range(2):
        response = client.post(
            f"{URL}.json", body, content_type=kind, headers={"Idempotency-Key": "sms-9"}
        )
        assert response.status_code == 200
    assert Case.objects.count() == 1


def test_the_xml_answer_to_a_post_carries_the_same_fields(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    root, rows = xml_data(client.post(f"{URL}.xml", _form(keys["intake"])))
    assert root == "service_requests"
    assert Case.objects.filter(number=rows[0]["service_request_id"]).exists()
    assert rows[0]["account_id"] == ""


def test_the_api_key_may_come_in_the_query_string(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    form = _form("-")
    response = client.post(f"{URL}.json?api_key={keys['intake']}", form)
    assert response.status_code == 200
    assert Case.objects.count() == 1


@pytest.mark.parametrize("key", ["", "jck_nope_nope", "garbage"])
def test_a_post_without_a_valid_key_is_refused_with_403(
    client: Client, keys: dict[str, str], key: str
) -> None:
    assert "api_key" in _error(client.post(f"{URL}.json", _form(key or "-")), 403)
    assert not Case.objects.exists()


def test_a_revoked_key_no_longer_creates(client: Client, keys: dict[str, str]) -> None:
    apikey_revoke(name="wechat")
    _error(client.post(f"{URL}.json", _form(keys["intake"])), 403)
    assert not Case.objects.exists()


def test_a_key_cannot_submit_outside_its_jurisdiction(client: Client, keys: dict[str, str]) -> None:
    _error(client.post(f"{URL}.json", _form(keys["outsider"])), 403)
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("fields", "status", "words"),
    [
        ({"service_code": "-"}, 400, "service_code"),
        ({"service_code": "potholes"}, 404, "potholes"),
        ({"address_id": "-"}, 400, "location"),
        ({"address_id": "-", "lat": "29.6", "long": "120.2"}, 400, "lat/long"),
        ({"address_id": "330681109"}, 400, "address_id"),
        ({"address_id": "110101001001"}, 400, "address_id"),
        ({"address_id": "-", "address_string": "某某小区"}, 400, "address_string"),
        ({"address_id": "-", "address_string": "天竺社区居委会 百树社区居委会"}, 400, "exactly"),
        ({"description": "<b>路灯</b>坏了"}, 400, "HTML"),
        ({"description": "-"}, 400, "description"),
        ({"phone": "-"}, 400, "phone"),
        ({"phone": "12345"}, 400, "phone"),
        ({"attribute[size]": "big"}, 400, "attribute[size]"),
        ({"jurisdiction_id": "110101"}, 404, "110101"),
    ],
)
def test_every_bad_post_is_refused_in_the_spec_format_and_creates_nothing(
    client: Client, keys: dict[str, str], fields: dict[str, str], status: int, words: str
) -> None:
    description = _error(client.post(f"{URL}.json", _form(keys["intake"], **fields)), status)
    assert words in description
    root, xml = xml_data(client.post(f"{URL}.xml", _form(keys["intake"], **fields)))
    assert (root, xml[0]["code"]) == ("errors", str(status))
    assert not Case.objects.exists()


def test_empty_attributes_are_accepted_as_no_answer(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    response = client.post(f"{URL}.json", _form(keys["intake"], **{"attribute[size][]": ""}))
    assert response.status_code == 200


def test_an_address_string_naming_one_village_places_the_request_there(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    form = _form(keys["intake"], address_id="-", address_string="枫桥镇天竺社区居委会 3号楼")
    client.post(f"{URL}.json", form)
    case = Case.objects.get()
    assert (case.division_id, case.address) == (TIANZHU, "枫桥镇天竺社区居委会 3号楼")


def test_a_retry_with_the_same_idempotency_key_creates_nothing_new(
    client: Client, keys: dict[str, str], monday: datetime
) -> None:
    form = _form(keys["intake"])
    first = client.post(f"{URL}.json", form, headers={"Idempotency-Key": "retry-1"})
    again = client.post(f"{URL}.json", form, headers={"Idempotency-Key": "retry-1"})
    assert again.content == first.content
    assert again["Idempotent-Replayed"] == "true"
    assert Case.objects.count() == 1
    other = client.post(
        f"{URL}.json",
        _form(keys["intake"], description="另一件事"),
        headers={"Idempotency-Key": "retry-1"},
    )
    assert "Idempotency-Key" in _error(other, 400)
    assert Case.objects.count() == 1


# --- reading ----------------------------------------------------------------------------------


@pytest.fixture
def cases(users: dict[str, User], monday: datetime) -> dict[str, Case]:
    with clock.frozen_at(monday - timedelta(days=100)):
        old = dispatched(users)
    done = resolved(users, category="environment")
    services.case_rate(case=done, solved=True, satisfaction="satisfied")
    return {
        "old": old,
        "open": dispatched(users, village=JIANGDONG),
        "closed": done,
        "new": submit(users),
    }


def _rows(client: Client, **query: str) -> list[dict[str, Any]]:
    data = valid_json(client.get(f"{URL}.json", query), "requests.json")
    root, xml = xml_data(client.get(f"{URL}.xml", query))
    assert (root, xml) == ("service_requests", as_strings(data))
    return list(data)


def test_the_list_defaults_to_the_last_90_days_of_reviewed_requests(
    client: Client, cases: dict[str, Case]
) -> None:
    numbers = [row["service_request_id"] for row in _rows(client)]
    assert sorted(numbers) == sorted([cases["open"].number, cases["closed"].number])


def test_the_list_filters_by_status_service_code_and_dates(
    client: Client, cases: dict[str, Case], monday: datetime
) -> None:
    closed = _rows(client, status="closed")
    assert [row["service_request_id"] for row in closed] == [cases["closed"].number]
    assert closed[0]["status_notes"] == "已更换路灯灯泡，当晚恢复照明。"
    both = {row["status"] for row in _rows(client, status="open,closed")}
    assert both == {"open", "closed"}
    assert {r["service_code"] for r in _rows(client, service_code="environment")} == {"environment"}
    window = {
        "start_date": (monday - timedelta(days=120)).isoformat(),
        "end_date": (monday - timedelta(days=60)).isoformat(),
    }
    assert [r["service_request_id"] for r in _rows(client, **window)] == [cases["old"].number]


def test_the_list_by_ids_ignores_other_filters_and_shows_unreviewed_without_text(
    client: Client, cases: dict[str, Case]
) -> None:
    ids = f"{cases['new'].number},{cases['old'].number}"
    rows = _rows(client, service_request_id=ids, status="closed")
    assert {row["service_request_id"] for row in rows} == {cases["new"].number, cases["old"].number}
    new = next(row for row in rows if row["service_request_id"] == cases["new"].number)
    assert new["description"] is None


@pytest.mark.parametrize(
    ("query", "words"),
    [
        ({"status": "pending"}, "status"),
        ({"start_date": "yesterday"}, "start_date"),
        (
            {"start_date": "2026-01-01T00:00:00+08:00", "end_date": "2026-05-01T00:00:00+08:00"},
            "90",
        ),
        ({"jurisdiction_id": "999999"}, "999999"),
    ],
)
def test_bad_list_queries_are_refused_in_the_spec_format(
    client: Client, cases: dict[str, Case], query: dict[str, str], words: str
) -> None:
    response = client.get(f"{URL}.json", query)
    assert words in _error(response, 404 if "jurisdiction_id" in query else 400)


def test_one_request_maps_every_field(client: Client, cases: dict[str, Case]) -> None:
    case = cases["closed"]
    response = client.get(f"{URL}/{case.number}.json")
    [row] = valid_json(response, "requests.json")
    assert row["status"] == "closed"
    assert row["agency_responsible"] == "天竺社区居委会"
    assert row["service_name"] == case.category.name
    assert row["address_id"] == TIANZHU
    assert row["requested_datetime"] == "2026-03-02T09:00:00+08:00"
    assert row["expected_datetime"].endswith("+08:00")
    assert row["updated_datetime"].endswith("+08:00")
    root, xml = xml_data(client.get(f"{URL}/{case.number}.xml"))
    assert (root, xml) == ("service_requests", as_strings([row]))


def test_a_token_resolves_to_its_request(client: Client, cases: dict[str, Case]) -> None:
    number = cases["open"].number
    assert client.get(f"/open311/v2/tokens/{number}.json").json() == [
        {"service_request_id": number, "token": number}
    ]
    root, xml = xml_data(client.get(f"/open311/v2/tokens/{number}.xml"))
    assert root == "service_requests"
    assert xml == [{"service_request_id": number, "token": number}]


@pytest.mark.parametrize("path", ["requests/999999.json", "tokens/999999.xml"])
def test_unknown_requests_and_tokens_are_404(
    client: Client, cases: dict[str, Case], path: str
) -> None:
    response = client.get(f"/open311/v2/{path}")
    assert response.status_code == 404
    assert b"999999" in response.content


def test_consultations_are_never_published(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    from jiceng.cases.models import Category

    consult = services.case_consult(
        category=Category.objects.get(code="transport"),
        question="公交几点有车？",
        answer="每半小时一班。",
        division_code=TIANZHU,
        contact_phone=PHONE,
        by=users["dispatcher"],
    )
    assert client.get(f"{URL}/{consult.number}.json").status_code == 404


def test_no_personal_data_leaves_through_open311(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(
        users,
        description="王小明家门口 13812345678 的路灯坏了，身份证330681199001011234",
        address="王小明家 3号",
    )
    for path in (f"{URL}.json", f"{URL}.xml", f"{URL}/{case.number}.json"):
        body = client.get(path).content.decode()
        assert case.number in body
        for secret in ("13812345678", "王小明", "小明", "330681199001011234", "5678"):
            assert secret not in body


def test_control_characters_in_typed_text_do_not_break_the_xml(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    # The services refuse control characters now; rows stored before that still have them.
    Case.objects.filter(pk=case.pk).update(description="路灯\x01坏了\x0b")
    _root, rows = xml_data(client.get(f"{URL}/{case.number}.xml"))
    assert rows[0]["description"] == "路灯坏了"


def test_a_list_answer_is_kept_fresh_for_a_few_seconds(
    client: Client, cases: dict[str, Case], users: dict[str, User], monday: datetime
) -> None:
    first = client.get(f"{URL}.json").content
    later = dispatched(users, village=JIANGDONG)
    with clock.frozen_at(monday + timedelta(seconds=10)):
        assert client.get(f"{URL}.json").content == first
    with clock.frozen_at(monday + timedelta(seconds=20)):
        numbers = [row["service_request_id"] for row in _rows(client)]
    assert later.number in numbers


def test_a_stale_answer_is_refreshed_by_one_request_while_the_others_get_the_stale_one(
    client: Client, cases: dict[str, Case], users: dict[str, User], monday: datetime
) -> None:
    from django.core.cache import cache
    from django.utils import translation

    from jiceng.api.open311 import views

    first = client.get(f"{URL}.json").content
    later = dispatched(users, village=JIANGDONG)
    with translation.override("en"):
        refresh = views.list_cache_key({}, "json") + ":refresh"
    with clock.frozen_at(monday + timedelta(seconds=20)):
        assert cache.add(refresh, 1)  # another request is recomputing this answer
        assert client.get(f"{URL}.json").content == first
        cache.delete(refresh)  # it failed or finished without storing: this one refreshes
        refreshed = client.get(f"{URL}.json").content
        assert later.number in refreshed.decode()
        assert cache.get(refresh) is None  # the refresh is released for the next one
        assert client.get(f"{URL}.json").content == refreshed


def test_the_private_address_and_introduced_names_are_never_published(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(
        users, description="我叫李秀英，住3栋2单元501室，楼道灯不亮", address="新街村7号后院"
    )
    for path in (f"{URL}.json", f"{URL}/{case.number}.json"):
        (row,) = valid_json(client.get(path), "requests.json")
        assert row["address"] == "天竺社区居委会 枫桥镇"
        assert row["description"] == "我叫**，住**，楼道灯不亮"
    body = client.get(f"{URL}.xml").content.decode()
    for secret in ("新街村", "7号", "李秀英", "501室"):
        assert secret not in body, secret
