"""Cases linked to the household registry through the blind phone index only."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from fieldwork.households import household, member

from jiceng.cases.households import (
    case_household,
    household_cases,
    is_vulnerable,
    priority_mark,
)
from jiceng.core import crypto

from factories import JIANGDONG, submit

pytestmark = pytest.mark.django_db
PHONE = "13900001111"


@pytest.fixture
def home(users):
    found = household(number="0001")
    member(found, born=date(1944, 3, 15), phone=PHONE)
    return found


def test_a_case_from_a_members_phone_is_linked_to_the_household(users, home, monday):
    case = submit(users, contact_phone=PHONE)
    assert case.resident.household_id is None  # the caller's own row stays apart
    assert case_household(case) == home
    assert list(household_cases(users["cadre"], home)) == [case]


def test_the_link_compares_keyed_digests_and_never_the_phone(users, home, monday):
    case = submit(users, contact_phone=PHONE)
    with CaptureQueriesContext(connection) as queries:
        case_household(case)
        list(household_cases(users["cadre"], home))
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    assert PHONE not in sql and crypto.blind_index(PHONE) in sql


def test_another_phone_links_to_nothing(users, home, monday):
    case = submit(users, contact_phone="13812345678")
    assert case_household(case) is None
    assert not household_cases(users["cadre"], home).exists()


def test_a_phone_shared_by_two_households_links_to_neither(users, home, monday):
    member(household(address="天竺社区后街3号"), born=date(1980, 1, 1), phone=PHONE)
    case = submit(users, contact_phone=PHONE)
    assert case_household(case) is None
    assert not household_cases(users["cadre"], home).exists()


def test_a_member_who_moved_away_no_longer_links(users, home, monday):
    home.members.update(moved_away_on=date(2026, 1, 1))
    assert case_household(submit(users, contact_phone=PHONE)) is None


def test_the_households_cases_are_only_those_the_user_may_see(users, home, monday):
    submit(users, contact_phone=PHONE)
    assert not household_cases(users["outsider_cadre"], home).exists()
    assert not household_cases(users["neighbour_cadre"], home).exists()


def test_a_case_from_a_vulnerable_household_is_marked_for_those_who_may_see_the_mark(users, monday):
    poor = household(dibao=True, number="0002")
    member(poor, born=date(1980, 1, 1), phone=PHONE)
    case = submit(users, contact_phone=PHONE)
    assert is_vulnerable(poor)
    for who in ("dispatcher", "cadre", "grid_worker", "township", "leader", "admin"):
        assert priority_mark(users[who], case), who
    assert not priority_mark(users["water"], case)  # department staff act on the case only
    assert not priority_mark(users["resident"], case)


def test_marks_of_members_and_health_count_as_vulnerable(users, monday):
    alone = household(number="0003")
    member(alone, born=date(1940, 1, 1), elderly_alone=True)
    cared = household(JIANGDONG, number="0004")
    member(cared, born=date(1990, 1, 1), health=frozenset({"disability"}))
    plain = household(number="0005")
    member(plain, born=date(1990, 1, 1))
    assert is_vulnerable(alone) and is_vulnerable(cared) and not is_vulnerable(plain)


def test_a_case_from_an_ordinary_household_is_not_marked(users, home, monday):
    assert not priority_mark(users["dispatcher"], submit(users, contact_phone=PHONE))
