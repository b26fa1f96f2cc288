"""Coverage of vulnerable households: the figure that goes upward, never a visit count."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.test import override_settings
from fieldwork.households import street

from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.fieldwork.selectors import coverage, coverage_by_village
from jiceng.people.models import Resident, User
from jiceng.places.models import Division

from factories import TIANZHU, local

TODAY = date(2026, 3, 2)


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def _visited(users: dict[str, User], person: Resident, day: date) -> None:
    Visit.objects.create(
        by=users["cadre"],
        village_id=person.household.grid.village_id,  # type: ignore[union-attr]
        place_kind=PlaceKind.HOUSEHOLD,
        household=person.household,
        finding="看望",
        visited_on=day,
        created_at=local(2026, 3, 2, 9, 0),
    )


def test_elderly_living_alone_not_visited_in_three_months_are_listed(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    _visited(users, people["alone"], date(2025, 12, 1))  # a day more than three months ago
    result = coverage(users["cadre"], Division.objects.get(code=TIANZHU), today=TODAY)
    overdue = {row.household for row in result.overdue_rows}
    assert people["alone"].household in overdue
    assert result.vulnerable == 2  # the elderly woman; the 低保 family with a left-behind child


def test_a_visit_within_the_interval_counts_as_covered(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    _visited(users, people["alone"], date(2025, 12, 2))
    _visited(users, people["head"], TODAY - timedelta(days=10))
    result = coverage(users["township"], Division.objects.get(code=TIANZHU), today=TODAY)
    assert (result.covered, result.vulnerable, result.share) == (2, 2, 1.0)


def test_the_interval_is_configurable(users: dict[str, User], people: dict[str, Resident]) -> None:
    _visited(users, people["alone"], date(2026, 2, 1))
    with override_settings(JICENG_VISIT_INTERVAL_MONTHS={"elderly_alone": 1}):
        result = coverage(users["cadre"], Division.objects.get(code=TIANZHU), today=TODAY)
    assert people["alone"].household in {row.household for row in result.overdue_rows}


def test_township_staff_see_coverage_per_village_of_their_township_only(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    figures = coverage_by_village(users["township"], today=TODAY)
    assert {c.village.code for c in figures} == {TIANZHU, "330681109003"}
    # Figures per village; no field anywhere counts visits per cadre.
    assert not any(hasattr(c, "visits_by_cadre") for c in figures)


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre", "outsider", "water"])
def test_another_villages_or_townships_staff_are_denied_coverage(
    users: dict[str, User], people: dict[str, Resident], who: str
) -> None:
    with pytest.raises(NotAllowed):
        coverage(users[who], Division.objects.get(code=TIANZHU), today=TODAY)
