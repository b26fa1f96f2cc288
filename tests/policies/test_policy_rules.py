"""Eligibility rules: validated, and matching exactly the expected people."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.core.errors import InvalidInput
from jiceng.people.models import Resident, User
from jiceng.policies.rules import validate_rule
from jiceng.policies.services import policy_matches

TODAY = date(2026, 3, 2)


@pytest.fixture
def home(users: dict[str, User]) -> Any:
    return household()


def _matched(rule: dict[str, Any]) -> set[int]:
    return {m.person for m in policy_matches(policy("p", rule), today=TODAY)}


def test_age_at_least_80_includes_the_80th_birthday_and_excludes_the_day_before(
    home: Any,
) -> None:
    turns_80_today = member(home, born=date(1946, 3, 2))
    turns_80_tomorrow = member(home, born=date(1946, 3, 3))
    assert _matched(ELDERLY) == {turns_80_today.pk}
    assert turns_80_tomorrow.age_on(TODAY) == 79


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [(">", 79, {80, 81}), ("<", 80, {79}), ("<=", 80, {79, 80}), ("==", 80, {80})],
)
def test_every_age_comparison_agrees_with_the_age_on_the_day(
    home: Any, op: str, value: int, expected: set[int]
) -> None:
    people = {age: member(home, born=date(2026 - age, 3, 2)) for age in (79, 80, 81)}
    found = _matched({"field": "age", "op": op, "value": value})
    assert found == {people[age].pk for age in expected}


def test_a_person_registered_elsewhere_does_not_qualify(home: Any) -> None:
    member(home, born=date(1930, 1, 1), hukou="330682001001")
    assert _matched(ELDERLY) == set()


def test_and_needs_every_condition_and_or_needs_one(users: dict[str, User]) -> None:
    poor = household(dibao=True)
    pupil = member(poor, born=date(2014, 1, 1), in_school=True)
    member(poor, born=date(1980, 1, 1))
    other = member(household(), born=date(2013, 1, 1), in_school=True)
    both = {
        "all": [
            {"field": "dibao", "op": "is", "value": True},
            {"field": "in_school", "op": "is", "value": True},
        ]
    }
    either = {"any": both["all"]}
    assert _matched(both) == {pupil.pk}
    assert len(_matched(either)) == 3 and other.pk in _matched(either)


def test_reasons_name_the_conditions_that_held_but_never_a_health_mark(
    users: dict[str, User],
) -> None:
    poor = household(dibao=True)
    person = member(poor, born=date(1950, 1, 1), disability=True)
    rule = {
        "all": [
            {"field": "disability", "op": "is", "value": True},
            {
                "any": [
                    {"field": "extreme_poverty", "op": "is", "value": True},
                    {"field": "dibao", "op": "is", "value": True},
                ]
            },
        ]
    }
    [match] = policy_matches(policy("d", rule), today=TODAY)
    assert (match.person, match.reasons) == (
        person.pk,
        ["a protected health condition", "minimum living allowance family"],
    )


def test_people_already_receiving_or_moved_away_are_not_matched(home: Any) -> None:
    from jiceng.policies.models import Benefit

    receiving = member(home, born=date(1930, 1, 1))
    moved = member(home, born=date(1930, 1, 1), moved_away_on=date(2025, 1, 1))
    waiting = member(home, born=date(1930, 1, 1))
    allowance = policy("elderly", ELDERLY)
    Benefit.objects.create(policy=allowance, resident=receiving, since=TODAY)
    assert {m.person for m in policy_matches(allowance, today=TODAY)} == {waiting.pk}
    assert moved.pk != waiting.pk


@pytest.mark.parametrize(
    "rule",
    [
        [],
        {"all": []},
        {"all": [{"field": "age", "op": ">=", "value": 80}], "any": []},
        {"field": "salary", "op": ">", "value": 1},
        {"field": "age", "op": "is", "value": 80},
        {"field": "age", "op": ">=", "value": "80"},
        {"field": "age", "op": ">=", "value": 200},
        {"field": "dibao", "op": "is", "value": "yes"},
        {"field": "hukou", "op": "in", "value": "诸暨"},
        {
            "all": [
                {
                    "all": [
                        {
                            "all": [
                                {
                                    "all": [
                                        {
                                            "all": [
                                                {
                                                    "all": [
                                                        {
                                                            "field": "veteran",
                                                            "op": "is",
                                                            "value": True,
                                                        }
                                                    ]
                                                }
                                            ]
                                        }
                                    ]
                                }
                            ]
                        }
                    ]
                }
            ]
        },
    ],
)
def test_malformed_rules_are_refused_naming_the_rule_field(rule: Any) -> None:
    with pytest.raises(InvalidInput) as error:
        validate_rule(rule)
    assert error.value.field == "rule" and error.value.message


def test_a_resident_without_a_household_or_outside_the_scope_is_never_matched(
    users: dict[str, User],
) -> None:
    Resident.objects.create(name="无户", birth_date=date(1930, 1, 1), hukou="330681")
    member(household("330681001001"), born=date(1930, 1, 1))
    jiangdong_only = policy("x", ELDERLY, scope="330681109")
    assert policy_matches(jiangdong_only, today=TODAY) == []
