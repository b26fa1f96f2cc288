"""An API key made for a county that was never onboarded does not open it: requests sent
with the key are refused as "not onboarded" until the county is onboarded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from shengzhou import SHENGZHOU, XINBEI, book, import_sample

from jiceng.api.services import apikey_create
from jiceng.cases.models import Case
from jiceng.onboarding.services import county_onboard
from jiceng.people.models import Role
from jiceng.people.units import unit_for_code

pytestmark = pytest.mark.django_db
REFUSAL = "This county does not take requests here yet"
BODY = {
    "category": "utilities",
    "description": "停水了",
    "division": XINBEI,
    "phone": "13812345678",
}


def _submit(client: Client, raw: str) -> Any:
    return client.post(
        "/api/v1/cases",
        json.dumps(BODY),
        content_type="application/json",
        headers={"X-API-Key": raw},
    )


@pytest.mark.parametrize("role", [Role.DISPATCHER, Role.RESIDENT])
def test_a_key_for_a_county_never_onboarded_leaves_it_closed(client: Client, org, role) -> None:
    import_sample()  # divisions only: no unit, no staff
    _key, raw = apikey_create(name="wx", role=role, jurisdiction=SHENGZHOU)
    centre = unit_for_code(SHENGZHOU, "dispatch")
    assert centre is not None and not centre.active
    response = _submit(client, raw)
    assert response.status_code == 422
    assert REFUSAL in response.json()["message"] and response.json()["field"] == "division"
    assert not Case.objects.exists()


def test_the_same_key_works_once_the_county_is_onboarded(client: Client, org) -> None:
    import_sample()
    _key, raw = apikey_create(name="wx", role=Role.DISPATCHER, jurisdiction=SHENGZHOU)
    assert _submit(client, raw).status_code == 422
    county_onboard(county_code=SHENGZHOU, file=book())
    response = _submit(client, raw)
    assert response.status_code == 201
    case = Case.objects.get(number=response.json()["number"])
    assert case.division_id == XINBEI
