"""A county whose units are set up but that is not onboarded takes no request on any
channel, and says so; once onboarded it appears on the portal at once."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from shengzhou import SHANHU, SHENGZHOU, XINBEI, book, import_sample

from jiceng.api.services import apikey_create
from jiceng.cases.models import Case
from jiceng.onboarding.services import county_onboard
from jiceng.people.models import Role, User
from jiceng.people.units import ensure_units, unit_for_code

pytestmark = pytest.mark.django_db
REFUSAL = "This county does not take requests here yet"
PHONE = "13812345678"


@pytest.fixture
def set_up_only(org) -> None:
    """嵊州市 set up with ``jiceng setup-units`` only: units, no staff, not open."""
    import_sample()
    ensure_units(SHENGZHOU)


def test_setting_up_units_alone_leaves_the_dispatch_centre_closed(set_up_only):
    centre = unit_for_code(SHENGZHOU, "dispatch")
    assert centre is not None and not centre.active


def test_the_portal_does_not_offer_a_county_not_onboarded(client: Client, set_up_only):
    page = client.get("/submit/").content.decode()
    assert "枫桥镇" in page and "剡湖街道" not in page
    villages = client.get("/places/villages/", {"township": SHANHU}).content.decode()
    assert "新北社区" not in villages


def test_the_portal_offers_a_county_at_once_when_it_is_onboarded(client: Client, set_up_only):
    client.get("/submit/")  # anything a process keeps is filled before the onboarding
    county_onboard(county_code=SHENGZHOU, file=book())
    assert "剡湖街道" in client.get("/submit/").content.decode()


def test_the_public_api_refuses_a_county_not_onboarded(client: Client, set_up_only):
    body = {"category": "transport", "description": "路灯坏了", "division": XINBEI, "phone": PHONE}
    response = client.post(
        "/api/v1/public/cases", json.dumps(body), content_type="application/json"
    )
    assert response.status_code == 422
    assert REFUSAL in response.json()["message"] and response.json()["field"] == "division"
    assert not Case.objects.exists()


def test_open311_refuses_a_county_not_onboarded(client: Client, set_up_only):
    _key, raw = apikey_create(name="wx", role=Role.RESIDENT, jurisdiction=SHENGZHOU)
    form = {"api_key": raw, "service_code": "transport", "address_id": XINBEI,
            "description": "路灯坏了", "phone": PHONE, "jurisdiction_id": SHENGZHOU}  # fmt: skip
    response = client.post("/open311/v2/requests.json", form)
    # Open311 lists only the jurisdictions served; one not onboarded is not among them.
    assert response.status_code == 404
    assert REFUSAL in response.json()[0]["description"]
    assert "330683" not in client.get("/open311/v2/discovery.json").content.decode()
    assert not Case.objects.exists()


def test_the_staff_desk_refuses_a_county_not_onboarded(client: Client, set_up_only):
    staff = User.objects.create_user(
        username="sz",
        password="pw",
        role=Role.DISPATCHER,
        unit=unit_for_code(SHENGZHOU, "dispatch"),
    )
    client.force_login(staff)
    call = {"category": "transport", "description": "路灯坏了", "township": SHANHU,
            "village": XINBEI, "phone": PHONE, "urgency": "normal", "mode": "request"}  # fmt: skip
    response = client.post("/workbench/desk/", call, HTTP_ACCEPT_LANGUAGE="en")
    assert REFUSAL in response.content.decode()
    assert not Case.objects.exists()


def test_the_refusal_is_in_chinese_for_residents(client: Client, set_up_only, chinese):
    body = {"category": "transport", "description": "路灯坏了", "division": XINBEI, "phone": PHONE}
    response = client.post(
        "/api/v1/public/cases", json.dumps(body), content_type="application/json"
    )
    assert "本县（区）尚未在这里受理诉求" in response.json()["message"]
