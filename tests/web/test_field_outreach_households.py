"""The outreach list by household: one card per household, a filter, and pages."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import Client
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.core import clock
from jiceng.people.models import User
from jiceng.policies.models import Outcome, Outreach
from jiceng.policies.outreach_list import PER_PAGE
from jiceng.policies.services import policies_match

from factories import JIANGDONG

pytestmark = pytest.mark.django_db
OVER_70 = {"all": [{"field": "age", "op": ">=", "value": 70}]}


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def couple(users: dict[str, User], monday: object) -> None:
    """One household of two over-80s, and two policies: four items, one card."""
    home = household(address="天竺社区新街<b>12</b>号")
    member(home, born=date(1940, 5, 1), name="王秀英")
    member(home, born=date(1938, 5, 1), name="李德明", id_number="330681193805011234")
    policy("elderly", ELDERLY, title="高龄津贴")
    policy("over70", OVER_70, title="七十岁以上体检")
    policies_match()


def test_a_household_with_several_items_is_one_card(users, couple) -> None:
    html = _client(users["grid_worker"]).get("/workbench/field/outreach/").content.decode()
    assert html.count('<section class="card outreach">') == 1
    assert html.count("高龄津贴") == 2 + 1 and "1 household" in html  # two items, one option
    assert "天竺社区新街&lt;b&gt;12&lt;/b&gt;号" in html and "王*" in html and "秀英" not in html


def test_the_filter_shows_one_policy_or_the_closed_items(users, couple) -> None:
    client = _client(users["cadre"])
    html = client.get("/workbench/field/outreach/", {"policy": "over70"}).content.decode()
    assert html.count("<strong>七十岁以上体检</strong>") == 2
    assert "<strong>高龄津贴</strong>" not in html
    item = Outreach.objects.filter(policy__code="elderly").first()
    Outreach.objects.filter(pk=item.pk).update(outcome=Outcome.RECEIVED)
    closed = client.get("/workbench/field/outreach/", {"state": "closed"}).content.decode()
    assert closed.count('<li class="closed">') == 1 and '<li class="">' not in closed


def test_new_matches_are_marked_and_can_be_shown_alone(users, couple) -> None:
    client = _client(users["cadre"])
    assert client.get("/workbench/field/outreach/").content.decode().count("badge new") == 4
    with clock.frozen_at(clock.now() + timedelta(days=8)):
        html = client.get("/workbench/field/outreach/", {"new": "on"}).content.decode()
    assert "badge new" not in html and "Nobody to reach right now." in html


def test_many_households_come_a_page_at_a_time(users, monday) -> None:
    for n in range(PER_PAGE + 5):
        member(household(address=f"天竺社区{n}号"), born=date(1940, 1, 1), id_number=f"{n:018d}")
    policy("elderly", ELDERLY, title="高龄津贴")
    policies_match()
    client = _client(users["cadre"])
    first = client.get("/workbench/field/outreach/").content.decode()
    assert first.count('<section class="card outreach">') == PER_PAGE and "Page 1 of 2" in first
    second = client.get("/workbench/field/outreach/", {"page": 2}).content.decode()
    assert second.count('<section class="card outreach">') == 5


def test_another_villages_cadre_sees_none_of_the_households(users, couple) -> None:
    member(household(JIANGDONG, address="江东社区9号"), born=date(1939, 5, 1), name="赵大爷")
    policies_match()
    html = _client(users["outsider_cadre"]).get("/workbench/field/outreach/").content.decode()
    assert "江东社区9号" in html and "天竺社区新街" not in html and "王*" not in html


def test_the_list_is_in_chinese_by_default(users, couple, chinese) -> None:
    html = _client(users["cadre"]).get("/workbench/field/outreach/").content.decode()
    assert "只看新匹配" in html and "1 户" in html


def test_the_list_costs_the_same_queries_for_five_households_or_twenty(
    users, monday, django_assert_max_num_queries
) -> None:
    def fill(start: int, stop: int) -> None:
        for n in range(start, stop):
            home = household(address=f"天竺社区{n}号")
            member(home, born=date(1940, 1, 1), id_number=f"{n:018d}")
            member(home, born=date(1941, 1, 1), id_number=f"{n + 100:018d}")
        policy("elderly", ELDERLY, title="高龄津贴")
        policies_match()

    client = _client(users["cadre"])
    fill(0, 5)
    client.get("/workbench/field/outreach/")  # the session and anything kept are warm
    with django_assert_max_num_queries(12) as few:
        client.get("/workbench/field/outreach/")
    fill(5, 20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/workbench/field/outreach/").content.decode()
    assert html.count('<section class="card outreach">') == 20
