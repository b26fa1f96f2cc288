"""The coverage pages: a village's overdue vulnerable households; figures per village above."""

from __future__ import annotations

import pytest
from django.test import Client
from fieldwork.households import street

from jiceng.people.models import Resident, User

from factories import TIANZHU


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_village_sees_its_overdue_households_with_a_visit_link(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    html = _client(users["cadre"]).get("/workbench/field/coverage/").content.decode()
    assert "天竺社区新街12号" in html and "never visited" in html
    assert f"/workbench/field/visit/?household={people['alone'].household_id}" in html
    assert "0 / 2" in html


def test_township_staff_see_a_figure_per_village_and_no_per_cadre_counts(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    html = _client(users["township"]).get("/workbench/field/coverage/").content.decode()
    assert "天竺社区居委会" in html and "百树社区居委会" in html
    assert "cadre" not in html.lower()


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre", "outsider"])
def test_another_villages_or_townships_staff_cannot_open_this_villages_coverage(
    users: dict[str, User], people: dict[str, Resident], who: str
) -> None:
    response = _client(users[who]).get(f"/workbench/field/coverage/?village={TIANZHU}")
    assert response.status_code == 404
    assert "新街" not in response.content.decode()


def test_department_staff_are_refused_coverage(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    assert _client(users["water"]).get("/workbench/field/coverage/").status_code == 403
