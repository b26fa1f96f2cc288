"""NUL characters are refused before any view, in each surface's own error shape.

On PostgreSQL every one of these was a 500 (text cannot hold NUL, and a query that
merely compares with one fails); SQLite stored them. Now every surface answers a
clear 400 (422 on the native API) naming the field, and nothing is written.
"""

from __future__ import annotations

import json
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django.test import Client

from jiceng.cases.models import Case
from jiceng.core.models import Throttle
from jiceng.people.models import User

from factories import FENGQIAO, TIANZHU, submit

pytestmark = pytest.mark.django_db
CASE = {
    "category": "transport",
    "description": "村口路灯坏了，晚上看不见路。",
    "division": TIANZHU,
    "phone": "13812345678",
}


def _api_error(response: Any, field: str | None) -> str:
    assert response.status_code == 422
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert (body["code"], body["field"]) == ("invalid", field)
    assert "NUL" in body["message"]
    return str(body["message"])


def _open311_error(response: Any) -> str:
    assert response.status_code == 400
    (error,) = response.json()
    assert error["code"] == 400
    return str(error["description"])


def _page(response: Any) -> str:
    assert response.status_code == 400
    assert response["Content-Type"] == "text/html; charset=utf-8"
    return str(response.content.decode())


def test_a_login_name_with_nul_gets_a_page_naming_the_field_and_counts_no_attempt(
    client: Client, users: dict[str, User]
) -> None:
    page = _page(client.post("/login/", {"username": "cadre\x00", "password": "pw"}))
    assert "username must not contain NUL characters" in page
    assert 'href="/"' in page  # a way back
    assert "_auth_user_id" not in client.session
    assert not Throttle.objects.exists()


def test_the_web_page_is_in_the_visitors_language(
    client: Client, users: dict[str, User], chinese: None
) -> None:
    page = _page(client.post("/login/", {"username": "a\x00", "password": "pw"}))
    assert '<html lang="zh-Hans">' in page
    assert "空字符" in page and "username" in page


def test_public_api_json_with_an_escaped_nul_is_refused_naming_the_field(
    client: Client, org: object
) -> None:
    body = json.dumps({**CASE, "description": "路灯\u0000坏了"})
    response = client.post("/api/v1/public/cases", body, content_type="application/json")
    _api_error(response, "description")
    assert not Case.objects.exists()


def test_public_api_json_with_a_raw_nul_is_refused(client: Client, org: object) -> None:
    body = json.dumps(CASE, ensure_ascii=False).encode().replace("路灯".encode(), b"\x00")
    response = client.post("/api/v1/public/cases", body, content_type="application/json")
    _api_error(response, None)
    assert not Case.objects.exists()


def test_an_escaped_backslash_before_u0000_is_ordinary_text(client: Client, org: object) -> None:
    body = json.dumps({**CASE, "description": "路灯坏了 \\u0000 是什么"})
    assert "\\\\u0000" in body
    response = client.post("/api/v1/public/cases", body, content_type="application/json")
    assert response.status_code == 201
    assert Case.objects.get().description == "路灯坏了 \\u0000 是什么"


def test_half_a_utf16_pair_is_refused_but_a_whole_pair_is_text(client: Client, org: object) -> None:
    half = '{"category": "transport", "division": "%s", "phone": "13812345678", '
    half += '"description": "%s"}'
    response = client.post(
        "/api/v1/public/cases", half % (TIANZHU, "灯\\ud800"), content_type="application/json"
    )
    assert response.status_code == 422 and response.json()["field"] == "description"
    assert "UTF-16" in response.json()["message"]
    whole = half % (TIANZHU, "路灯坏了\\ud83d\\ude22")
    response = client.post("/api/v1/public/cases", whole, content_type="application/json")
    assert response.status_code == 201
    assert Case.objects.get().description == "路灯坏了\U0001f622"


def test_the_portal_form_with_nul_gets_a_page_and_creates_nothing(
    client: Client, org: object
) -> None:
    form = {
        "category": "transport",
        "description": "路灯\x00坏了",
        "township": FENGQIAO,
        "village": TIANZHU,
        "phone": "13812345678",
    }
    assert "description must not contain NUL" in _page(client.post("/submit/", form))
    assert not Case.objects.exists()


def test_open311_post_with_nul_is_refused_in_json_and_xml(
    client: Client, keys: dict[str, str]
) -> None:
    form = {
        "api_key": keys["intake"],
        "service_code": "transport",
        "address_id": TIANZHU,
        "description": "路灯\x00坏了",
        "phone": "13812345678",
    }
    described = _open311_error(client.post("/open311/v2/requests.json", form))
    assert described.startswith("description: ")
    response = client.post("/open311/v2/requests.xml", form)
    assert response.status_code == 400 and response["Content-Type"].startswith("text/xml")
    error = ET.fromstring(response.content).find("error")  # noqa: S314 — our own output
    assert error is not None and error.findtext("code") == "400"
    assert (error.findtext("description") or "").startswith("description: ")
    assert not Case.objects.exists()


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/divisions?prefix=%00", "prefix"),
        ("/api/v1/public/cases/%00?phone_last4=5678", None),
        ("/api/v1/public/cases/2026%0012?phone_last4=5678", None),
    ],
)
def test_anonymous_api_reads_with_nul_are_refused(
    client: Client, org: object, url: str, field: str | None
) -> None:
    _api_error(client.get(url), field)


@pytest.mark.parametrize("name", ["division", "category", "state", "cursor"])
def test_staff_api_list_filters_with_nul_are_refused(
    client: Client, keys: dict[str, str], name: str
) -> None:
    response = client.get(f"/api/v1/cases?{name}=33%00", headers={"X-API-Key": keys["dispatcher"]})
    _api_error(response, name)


def test_open311_list_with_nul_in_service_code_is_refused(client: Client, org: object) -> None:
    described = _open311_error(client.get("/open311/v2/requests.json?service_code=%00"))
    assert described.startswith("service_code: ")


def test_a_second_value_of_a_field_is_checked_too(client: Client, org: object) -> None:
    response = client.get("/open311/v2/requests.json?service_code=roads&service_code=%00")
    _open311_error(response)


def test_a_session_cookie_carrying_nul_is_ignored_not_looked_up(
    client: Client, users: dict[str, User]
) -> None:
    client.cookies["sessionid"] = "abcdefgh\x00ijklmnop"
    response = client.get("/login/")
    assert response.status_code == 200
    assert "username" in response.content.decode()


def test_the_service_refuses_control_characters_too(users: dict[str, User]) -> None:
    from jiceng.core.errors import InvalidInput

    for text, field in [("路灯\x00坏了", "description"), ("路灯坏了", "address")]:
        with pytest.raises(InvalidInput) as refused:
            submit(users, description=text, address="村口\x07" if field == "address" else "")
        assert refused.value.field == field
    assert submit(users, description="第一行\n\t第二行\r\n").description == "第一行\n\t第二行"
