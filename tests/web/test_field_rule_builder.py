"""The rule builder: conditions in a form, a preview of who matches, then save."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from django.test import Client
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.people.models import User
from jiceng.policies.models import Outreach, Policy

URL = "/workbench/field/policies/elderly/rule/"


def _form(
    combine: str, *rows: tuple[str, str, str], groups: tuple[tuple[str, list[Row]], ...] = ()
) -> dict[str, str]:
    """The builder's POST: the rule's own conditions, then up to two bracketed groups."""
    data = {"combine": combine} | _rows("form", 4, rows)
    for index in range(2):
        inner_combine, inner = groups[index] if index < len(groups) else ("any", [])
        data |= {f"g{index}-combine": inner_combine} | _rows(f"g{index}c", 3, inner)
    return data


Row = tuple[str, str, str]


def _rows(prefix: str, size: int, rows: Sequence[Row]) -> dict[str, str]:
    data = {
        f"{prefix}-TOTAL_FORMS": str(size),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": str(size),
        f"{prefix}-MAX_NUM_FORMS": str(size),
    }
    for index, (field, op, value) in enumerate(rows):
        data |= {
            f"{prefix}-{index}-field": field,
            f"{prefix}-{index}-op": op,
            f"{prefix}-{index}-value": value,
        }
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


A_AND_B_OR_C = {
    "all": [
        {"field": "age", "op": ">=", "value": 70},
        {
            "any": [
                {"field": "dibao", "op": "is", "value": True},
                {"field": "disability", "op": "is", "value": True},
            ]
        },
    ]
}
GROUP = ("any", [("dibao", "is", "yes"), ("disability", "is", "yes")])


def test_preview_of_a_and_b_or_c_counts_exactly_the_people_it_describes(
    leader: Client,
) -> None:
    home = household()
    member(home, born=date(1950, 1, 1), disability=True)  # 76, disability: yes
    member(home, born=date(1990, 1, 1), disability=True)  # too young: no
    member(household(), born=date(1940, 1, 1))  # 86, neither: no
    # Also matching: the fixture's 低保 member born 1950 (76).
    data = _form("all", ("age", ">=", "70"), groups=(GROUP,)) | {"action": "preview"}
    html = leader.post(URL, data).content.decode()
    assert "2 people qualify and are not receiving" in html
    assert "age &gt;= 70 and (低保 family or disability)" in html
    assert Policy.objects.get().rule == ELDERLY


def test_saving_a_nested_rule_stores_the_group_and_shows_it_again(leader: Client) -> None:
    data = _form("all", ("age", ">=", "70"), groups=(GROUP,)) | {"action": "save"}
    assert "Rule saved." in leader.post(URL, data).content.decode()
    assert Policy.objects.get().rule == A_AND_B_OR_C
    html = leader.get(URL).content.decode()
    assert 'name="g0-0-field"' not in html  # the group's rows live in their own formset
    assert '<option value="dibao" selected>' in html
    assert '<option value="disability" selected>' in html


def test_a_group_of_one_condition_is_saved_as_that_condition(leader: Client) -> None:
    one = ("any", [("veteran", "is", "yes")])
    data = _form("all", ("age", ">=", "60"), groups=(one,)) | {"action": "save"}
    leader.post(URL, data)
    assert Policy.objects.get().rule == {
        "all": [
            {"field": "age", "op": ">=", "value": 60},
            {"field": "veteran", "op": "is", "value": True},
        ]
    }


def test_a_bad_condition_inside_a_group_is_explained_and_nothing_is_saved(
    leader: Client,
) -> None:
    bad = ("any", [("dibao", "is", "yes"), ("hukou", "in", "诸暨")])
    response = leader.post(
        URL, _form("all", ("age", ">=", "70"), groups=(bad,)) | {"action": "save"}
    )
    assert response.status_code == 400
    assert "Registered-in needs a division code" in response.content.decode()
    assert Policy.objects.get().rule == ELDERLY


def test_a_rule_deeper_than_the_form_is_never_flattened_by_saving(leader: Client) -> None:
    deep = {
        "all": [
            {"field": "veteran", "op": "is", "value": True},
            {"any": [{"all": [{"field": "dibao", "op": "is", "value": True}]}]},
        ]
    }
    Policy.objects.update(rule=deep)
    assert "Save rule" not in leader.get(URL).content.decode()
    response = leader.post(URL, _form("all", ("veteran", "is", "yes")) | {"action": "save"})
    assert response.status_code == 400
    assert Policy.objects.get().rule == deep


def test_the_admin_links_each_policy_to_its_builder(users: dict[str, User], leader: Client) -> None:
    client = Client()
    client.force_login(users["admin"])
    assert URL in client.get("/admin/policies/policy/").content.decode()
