"""Health marks (disability): encrypted at rest, masked, revealed with a reason, still matched."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from fieldwork.households import household, member, street
from policies.policy_data import policy

from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.fieldwork.selectors import coverage
from jiceng.people.models import AccessLog, Resident, User
from jiceng.people.services import household_member_reveal, residents_purge_moved_away
from jiceng.places.models import Division
from jiceng.policies.services import policies_match, policy_matches

from factories import TIANZHU, local

TODAY = date(2026, 3, 2)
DISABLED = {"field": "disability", "op": "is", "value": True}


def _raw_health(*people: Resident) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT health FROM people_resident WHERE id IN (%s, %s) ORDER BY id",
            [people[0].pk, people[-1].pk],
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_raw_read_of_the_table_cannot_tell_who_has_a_disability(
    users: dict[str, User],
) -> None:
    home = household()
    disabled = member(home, born=date(1960, 1, 1), disability=True)
    not_disabled = member(home, born=date(1961, 1, 1))
    stored = _raw_health(disabled, not_disabled)
    # Both are Fernet tokens of the same length: no plain value, no empty "no".
    assert all(token.startswith("gAAAAA") for token in stored)
    assert len(stored[0]) == len(stored[1])
    assert not any(word in token for token in stored for word in ("disab", "h1:", "true"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM people_resident WHERE id = %s", [disabled.pk])
        columns = [column[0] for column in cursor.description]
    assert "disability" not in columns
    assert Resident.objects.get(pk=disabled.pk).disability is True
    assert Resident.objects.get(pk=not_disabled.pk).disability is False


def test_two_people_with_the_same_mark_have_different_ciphertexts(users: dict[str, User]) -> None:
    home = household()
    first = member(home, born=date(1960, 1, 1), disability=True)
    second = member(home, born=date(1960, 1, 1), disability=True)
    one, two = _raw_health(first, second)
    assert one != two


def test_the_households_grid_worker_reveals_the_marks_with_a_reason_and_it_is_logged(
    users: dict[str, User], monday: object
) -> None:
    home = household(worker=users["grid_worker"])
    person = member(home, born=date(1950, 1, 1), disability=True)
    shown = household_member_reveal(
        resident=person, field="health", by=users["grid_worker"], reason="申请残疾人补贴"
    )
    assert shown == "disability"
    entry = AccessLog.objects.get()
    assert (entry.user, entry.resident, entry.field, entry.reason, entry.at) == (
        users["grid_worker"],
        person,
        "health",
        "申请残疾人补贴",
        monday,
    )


def test_revealing_someone_without_marks_says_so(users: dict[str, User]) -> None:
    person = member(household(), born=date(1950, 1, 1))
    shown = household_member_reveal(
        resident=person, field="health", by=users["cadre"], reason="核实"
    )
    assert shown == "none recorded"


@pytest.mark.parametrize("who", ["outsider_cadre", "neighbour_cadre", "township", "leader"])
def test_nobody_outside_the_village_sees_the_marks_and_nothing_is_logged(
    users: dict[str, User], who: str
) -> None:
    person = member(household(), born=date(1950, 1, 1), disability=True)
    with pytest.raises(NotAllowed):
        household_member_reveal(resident=person, field="health", by=users[who], reason="查看")
    assert not AccessLog.objects.exists()


def test_purging_someone_who_moved_away_long_ago_clears_the_marks(
    users: dict[str, User],
) -> None:
    person = member(
        household(), born=date(1950, 1, 1), disability=True, moved_away_on=date(2015, 1, 1)
    )
    assert residents_purge_moved_away(years=5, today=TODAY) == 1
    person.refresh_from_db()
    assert person.disability is False and _raw_health(person)[0].startswith("gAAAAA")


@pytest.fixture
def mixed(users: dict[str, User]) -> dict[str, Resident]:
    poor = household(dibao=True)
    plain = household()
    return {
        "old_disabled": member(plain, born=date(1940, 1, 1), disability=True),
        "young_disabled": member(plain, born=date(2000, 1, 1), disability=True),
        "old": member(plain, born=date(1941, 1, 1)),
        "poor_disabled": member(poor, born=date(1980, 1, 1), disability=True),
        "poor": member(poor, born=date(1982, 1, 1)),
    }


def _matched(rule: dict[str, Any], people: dict[str, Resident]) -> set[str]:
    found = {m.person for m in policy_matches(policy("p", rule), today=TODAY)}
    return {name for name, person in people.items() if person.pk in found}


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        (DISABLED, {"old_disabled", "young_disabled", "poor_disabled"}),
        ({"field": "disability", "op": "is", "value": False}, {"old", "poor"}),
        (
            {"all": [{"field": "age", "op": ">=", "value": 80}, DISABLED]},
            {"old_disabled"},
        ),
        (
            {"any": [{"field": "age", "op": ">=", "value": 80}, DISABLED]},
            {"old_disabled", "old", "young_disabled", "poor_disabled"},
        ),
        (
            {
                "all": [
                    {"field": "dibao", "op": "is", "value": True},
                    {"any": [DISABLED, {"field": "age", "op": ">=", "value": 80}]},
                ]
            },
            {"poor_disabled"},
        ),
        (
            {
                "any": [
                    {"field": "dibao", "op": "is", "value": True},
                    {"all": [{"field": "age", "op": "<", "value": 30}, DISABLED]},
                ]
            },
            {"poor", "poor_disabled", "young_disabled"},
        ),
    ],
)
def test_rules_on_encrypted_marks_match_exactly_the_expected_people(
    mixed: dict[str, Resident], rule: dict[str, Any], expected: set[str]
) -> None:
    assert _matched(rule, mixed) == expected


def test_outreach_reasons_never_name_the_health_mark(mixed: dict[str, Resident]) -> None:
    policy("support", {"all": [{"field": "age", "op": ">=", "value": 80}, DISABLED]})
    [match] = policies_match(today=TODAY)
    assert match.reasons == ["aged 80 or over", "a protected health condition"]
    from jiceng.policies.models import Outreach

    assert "disab" not in str(Outreach.objects.get().reasons)


def _visit(users: dict[str, User], person: Resident, day: date) -> None:
    Visit.objects.create(
        by=users["cadre"],
        village_id=TIANZHU,
        place_kind=PlaceKind.HOUSEHOLD,
        household=person.household,
        finding="看望",
        visited_on=day,
        created_at=local(2026, 3, 2, 9, 0),
    )


def test_a_household_whose_only_need_is_a_disability_is_due_every_six_months(
    users: dict[str, User],
) -> None:
    people = street(users)
    disabled = member(household(address="天竺社区东街5号"), born=date(1970, 1, 1), disability=True)
    _visit(users, disabled, TODAY - timedelta(days=150))
    village = Division.objects.get(code=TIANZHU)
    result = coverage(users["cadre"], village, today=TODAY)
    row = next(r for r in result.rows if r.household == disabled.household)
    assert (row.kinds, row.overdue) == (["disability"], False)
    # Shown to township staff too, so the label does not name the health mark.
    assert row.kind_labels == ["protected care need"]
    _visit(users, people["alone"], TODAY)
    later = coverage(users["cadre"], village, today=TODAY + timedelta(days=40))
    assert next(r for r in later.rows if r.household == disabled.household).overdue
    assert result.vulnerable == 3  # the woman alone, the 低保 family, the disabled man


def test_a_disabled_person_who_moved_away_no_longer_makes_the_household_vulnerable(
    users: dict[str, User],
) -> None:
    home = household(address="天竺社区东街7号")
    member(home, born=date(1970, 1, 1), disability=True, moved_away_on=date(2025, 1, 1))
    result = coverage(users["cadre"], Division.objects.get(code=TIANZHU), today=TODAY)
    assert all(row.household != home for row in result.rows)
