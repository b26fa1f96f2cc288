"""The rule builder: conditions in a form, a preview of who matches, then save."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.people.models import User
from jiceng.policies.models import Outreach, Policy

URL = "/workbench/field/policies/elderly/rule/"


def _form(combine: str, *rows: tuple[str, str, str]) -> dict[str, str]:
    data = {
        "combine": combine,
        "form-TOTAL_FORMS": "4",
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "4",
        "form-MAX_NUM_FORMS": "4",
    }
    for index, (field, op, value) in enumerate(rows):
        data |= {f"form-{index}-field": field, f"form-{index}-op": op, f"form-{index}-value": value}
    return data


@pytest.fixture
def leader(users: dict[str, User], monday: object) -> Client:
    member(household(), born=date(1946, 3, 2))  # 80 today
    member(household(dibao=True), born=date(1950, 1, 1))
    policy("elderly", ELDERLY)
    client = Client()
    client.force_login(users["leader"])
    return client


def test_the_form_shows_the_saved_rule(leader: Client) -> None:
    html = leader.get(URL).content.decode()
    assert 'value="80"' in html and 'value="330681"' in html


def test_preview_counts_matches_without_saving_or_opening_outreach(leader: Client) -> None:
    data = _form("any", ("age", ">=", "80"), ("dibao", "is", "yes")) | {"action": "preview"}
    html = leader.post(URL, data).content.decode()
    assert "2 people qualify and are not receiving" in html
    assert Policy.objects.get().rule == ELDERLY and not Outreach.objects.exists()


def test_saving_stores_the_built_rule(leader: Client) -> None:
    data = _form("all", ("age", ">=", "81")) | {"action": "save"}
    html = leader.post(URL, data).content.decode()
    assert "Rule saved." in html and "0 people qualify" in html
    assert Policy.objects.get().rule == {"all": [{"field": "age", "op": ">=", "value": 81}]}


def test_a_bad_condition_is_explained_and_nothing_is_saved(leader: Client) -> None:
    response = leader.post(URL, _form("all", ("age", "is", "old")) | {"action": "save"})
    assert response.status_code == 400
    assert "Age needs a comparison" in response.content.decode()
    assert Policy.objects.get().rule == ELDERLY


@pytest.mark.parametrize("who", ["cadre", "outsider_cadre", "township"])
def test_village_and_township_staff_cannot_open_the_builder(
    users: dict[str, User], leader: Client, who: str
) -> None:
    client = Client()
    client.force_login(users[who])
    assert client.get(URL).status_code == 403
    assert (
        client.post(URL, _form("all", ("veteran", "is", "yes")) | {"action": "save"}).status_code
        == 403
    )
    assert Policy.objects.get().rule == ELDERLY


def test_a_nested_rule_is_never_flattened_by_saving_from_the_form(leader: Client) -> None:
    nested = {
        "all": [
            {"field": "disability", "op": "is", "value": True},
            {"any": [{"field": "dibao", "op": "is", "value": True}]},
        ]
    }
    Policy.objects.update(rule=nested)
    assert "Save rule" not in leader.get(URL).content.decode()
    response = leader.post(URL, _form("all", ("disability", "is", "yes")) | {"action": "save"})
    assert response.status_code == 400
    assert Policy.objects.get().rule == nested


def test_the_admin_links_each_policy_to_its_builder(users: dict[str, User], leader: Client) -> None:
    client = Client()
    client.force_login(users["admin"])
    assert URL in client.get("/admin/policies/policy/").content.decode()
