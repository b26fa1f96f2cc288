"""The policy match list: who to reach, and recording the outcome."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.people.models import User
from jiceng.policies.models import Benefit, Outcome, Outreach
from jiceng.policies.services import policies_match

from factories import JIANGDONG


@pytest.fixture
def item(users: dict[str, User], monday: object) -> Outreach:
    member(household(), born=date(1940, 5, 1), name="张<b>奶奶</b>")
    member(household(JIANGDONG, address="江东社区9号"), born=date(1939, 5, 1))
    policy("elderly", ELDERLY, title="高龄津贴")
    policies_match()
    return Outreach.objects.get(village_id="330681109002")


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_village_list_shows_the_policy_the_masked_person_and_why(
    users: dict[str, User], item: Outreach
) -> None:
    html = _client(users["cadre"]).get("/workbench/field/outreach/").content.decode()
    assert "高龄津贴" in html and "aged 80 or over" in html and "张*" in html
    assert "奶奶" not in html and "江东社区9号" not in html


def test_recording_received_closes_the_item_and_records_the_benefit(
    users: dict[str, User], item: Outreach
) -> None:
    client = _client(users["grid_worker"])
    client.post(f"/workbench/field/outreach/{item.pk}/", {"outcome": "received", "note": "已办"})
    item.refresh_from_db()
    assert (item.outcome, item.outcome_by) == (Outcome.RECEIVED, users["grid_worker"])
    assert Benefit.objects.filter(resident_id=item.resident_id).exists()


def test_an_invalid_outcome_changes_nothing_and_says_why(
    users: dict[str, User], item: Outreach
) -> None:
    response = _client(users["cadre"]).post(
        f"/workbench/field/outreach/{item.pk}/", {"outcome": "open"}, follow=True
    )
    assert 'class="flash error"' in response.content.decode()
    item.refresh_from_db()
    assert item.outcome == Outcome.OPEN


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre"])
def test_another_villages_cadre_can_neither_see_nor_record_the_item(
    users: dict[str, User], item: Outreach, who: str
) -> None:
    client = _client(users[who])
    html = client.get("/workbench/field/outreach/").content.decode()
    assert "天竺社区新街12号" not in html and "张*" not in html
    response = client.post(f"/workbench/field/outreach/{item.pk}/", {"outcome": "applied"})
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.outcome == Outcome.OPEN


def test_township_staff_see_progress_per_policy_and_village_only(
    users: dict[str, User], item: Outreach
) -> None:
    html = _client(users["township"]).get("/workbench/field/outreach/").content.decode()
    assert "高龄津贴" in html and "天竺社区居委会" in html
    assert "江东社区" not in html and "张*" not in html
    assert _client(users["water"]).get("/workbench/field/outreach/").status_code == 403
