"""Department staff keys: a county department's integration sees only its own categories."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from jiceng.api.models import ApiKey
from jiceng.api.services import apikey_create, apikey_user
from jiceng.cases import services
from jiceng.cases.models import Case
from jiceng.cli import main
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Role, Unit, User

from factories import JIANGDONG, TIANZHU, submit

pytestmark = pytest.mark.django_db
ADD = reverse("admin:api_apikey_add")
CHANGELIST = reverse("admin:api_apikey_changelist")


@pytest.fixture
def water_key(org: dict[str, Unit]) -> str:
    _key, raw = apikey_create(
        name="water-works", role=Role.DEPARTMENT_STAFF, jurisdiction="330681", unit="water"
    )
    return raw


@pytest.fixture
def mixed(users: dict[str, User], monday: datetime) -> dict[str, Case]:
    """Utilities cases (the water department's remit) and a road case, in two townships."""
    return {
        "water_tianzhu": submit(users, category="utilities"),
        "water_jiangdong": submit(users, category="utilities", village=JIANGDONG),
        "road": submit(users, category="transport"),
    }


def _get(client: Client, key: str, path: str) -> Any:
    return client.get(path, headers={"X-API-Key": key})


def test_a_department_key_acts_for_its_department(org: dict[str, Unit], water_key: str) -> None:
    user = apikey_user(water_key)
    assert user is not None
    assert (user.role, user.unit, user.jurisdiction) == (
        Role.DEPARTMENT_STAFF,
        org["water"],
        "330681",
    )


def test_a_department_key_lists_only_its_departments_categories(
    client: Client, water_key: str, mixed: dict[str, Case]
) -> None:
    response = _get(client, water_key, "/api/v1/cases")
    assert response.status_code == 200
    numbers = {item["number"] for item in response.json()["items"]}
    assert numbers == {mixed["water_tianzhu"].number, mixed["water_jiangdong"].number}
    assert {item["category"] for item in response.json()["items"]} == {"utilities"}


def test_a_department_key_cannot_read_a_case_outside_its_categories(
    client: Client, water_key: str, mixed: dict[str, Case]
) -> None:
    denied = _get(client, water_key, f"/api/v1/cases/{mixed['road'].number}")
    assert denied.status_code == 403
    assert denied.json()["code"] == "forbidden"
    assert "路灯" not in denied.content.decode()
    allowed = _get(client, water_key, f"/api/v1/cases/{mixed['water_tianzhu'].number}")
    assert allowed.json()["category"] == "utilities"


def test_a_department_key_accepts_a_case_dispatched_to_its_department(
    client: Client,
    water_key: str,
    users: dict[str, User],
    org: dict[str, Unit],
    mixed: dict[str, Case],
) -> None:
    case = mixed["water_tianzhu"]
    services.case_dispatch(case=case, by=users["dispatcher"], unit=org["water"])
    response = client.post(
        f"/api/v1/cases/{case.number}/accept",
        "{}",
        content_type="application/json",
        headers={"X-API-Key": water_key},
    )
    assert response.json()["state"] == "accepted"
    assert response.json()["owner_name"] == "诸暨市水务集团"
    road = client.post(
        f"/api/v1/cases/{mixed['road'].number}/dispatch",
        "{}",
        content_type="application/json",
        headers={"X-API-Key": water_key},
    )
    assert road.status_code == 403
    assert Case.objects.get(pk=mixed["road"].pk).state == "submitted"


@pytest.mark.parametrize(
    ("role", "jurisdiction", "unit", "field"),
    [
        (Role.DEPARTMENT_STAFF, "330681", "", "unit"),
        (Role.DEPARTMENT_STAFF, "330681", "sewers", "unit"),
        (Role.DEPARTMENT_STAFF, "330681109", "water", "jurisdiction"),
        (Role.DISPATCHER, "330681", "water", "unit"),
    ],
)
def test_a_department_key_needs_a_department_of_its_county_and_only_it_names_one(
    org: dict[str, Unit], role: str, jurisdiction: str, unit: str, field: str
) -> None:
    with pytest.raises(InvalidInput) as error:
        apikey_create(name="k", role=role, jurisdiction=jurisdiction, unit=unit)
    assert error.value.field == field
    if field == "unit" and role == Role.DEPARTMENT_STAFF:
        assert "water" in error.value.message  # the operator is told the choices
    assert not ApiKey.objects.exists()


def test_the_command_creates_a_department_key_with_unit(
    org: dict[str, Unit], capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["apikey", "create", "--role", "department_staff", "--jurisdiction", "330681"]
    assert main([*args, "--name", "water", "--unit", "water"]) == 0
    raw = capsys.readouterr().out.strip().splitlines()[-1]
    user = apikey_user(raw)
    assert user is not None and user.unit == org["water"]
    assert main([*args, "--name", "water-2"]) == 1
    assert capsys.readouterr().err.startswith("unit: ")


@pytest.fixture
def admin(users: dict[str, User]) -> Client:
    signed_in = Client()
    signed_in.force_login(users["admin"])
    return signed_in


def _messages(response: Any) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_admin_creates_a_department_key_shown_once_and_revokes_it(
    admin: Client, client: Client, mixed: dict[str, Case]
) -> None:
    form = {"name": "water-admin", "role": "department_staff", "jurisdiction": "330681"}
    response = admin.post(ADD, {**form, "unit": "water"}, follow=True)
    shown = [text for text in _messages(response) if "jck_" in text]
    assert len(shown) == 1
    raw = shown[0][shown[0].index("jck_") :].split()[0]
    key = ApiKey.objects.get(name="water-admin")
    assert raw not in (key.key_hash, key.prefix)
    listed = _get(client, raw, "/api/v1/cases").json()["items"]
    assert {item["category"] for item in listed} == {"utilities"}
    page = admin.get(reverse("admin:api_apikey_change", args=[key.pk]))
    assert raw not in page.content.decode()  # never shown again

    admin.post(CHANGELIST, {"action": "revoke", "_selected_action": [key.pk]}, follow=True)
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert _get(client, raw, "/api/v1/cases").status_code == 401


def test_the_admin_form_names_the_field_at_fault_and_creates_nothing(admin: Client) -> None:
    form = {"name": "water-admin", "role": "department_staff", "jurisdiction": "330681"}
    response = admin.post(ADD, {**form, "unit": "sewers"})
    assert response.status_code == 200
    assert "sewers" not in response.context["adminform"].form.errors.get("unit", [""])[0]
    assert "water" in response.context["adminform"].form.errors["unit"][0]
    wrong_level = admin.post(ADD, {**form, "jurisdiction": TIANZHU, "unit": "water"})
    assert "jurisdiction" in wrong_level.context["adminform"].form.errors
    assert not ApiKey.objects.exists()


def test_only_admins_reach_the_key_admin(client: Client, users: dict[str, User]) -> None:
    client.force_login(users["dispatcher"])
    response = client.get(ADD)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/admin/login/")
    assert not ApiKey.objects.exists()
