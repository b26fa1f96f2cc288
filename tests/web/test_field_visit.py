"""The visit form on a phone: one short form; a finding becomes a case with nothing retyped."""

from __future__ import annotations

import pytest
from django.test import Client
from fieldwork.households import street

from jiceng.cases.models import Case, Category
from jiceng.fieldwork.models import Visit
from jiceng.people.models import Resident, User


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_form_prefills_the_household_chosen_from_coverage(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    home = people["alone"].household
    assert home is not None
    page = _client(users["cadre"]).get(f"/workbench/field/visit/?household={home.pk}")
    html = page.content.decode()
    assert f'<option value="{home.pk}" selected>' in html
    assert 'value="household"' in html and "checked" in html


def test_a_visit_with_a_finding_opens_a_case_with_the_households_details(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    home = people["head"].household
    assert home is not None
    response = _client(users["cadre"]).post(
        "/workbench/field/visit/",
        {
            "place_kind": "household",
            "household": home.pk,
            "finding": "屋顶漏雨，卧室进水。",
            "case_category": Category.objects.get(code="housing").pk,
        },
        follow=True,
    )
    case = Case.objects.get()
    assert (case.address, case.division_id, case.resident.phone) == (
        home.address,
        home.grid.village_id,
        "13700002222",
    )
    assert f"Case {case.number} was opened from it." in response.content.decode()
    assert Visit.objects.get().case == case


def test_missing_input_is_shown_beside_the_field_and_what_was_typed_is_kept(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    response = _client(users["grid_worker"]).post(
        "/workbench/field/visit/",
        {"place_kind": "workshop", "place": "", "finding": "<script>alert(1)</script>"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_place-error"' in html and "Say where you were" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert(1)" not in html
    assert not Visit.objects.exists()


def test_a_household_of_another_village_cannot_be_chosen(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    faraway = people["stranger"].household
    assert faraway is not None
    response = _client(users["cadre"]).post(
        "/workbench/field/visit/",
        {"place_kind": "household", "household": faraway.pk, "finding": "看望"},
    )
    assert response.status_code == 400 and "江东社区1号" not in response.content.decode()
    assert not Visit.objects.exists()


@pytest.mark.parametrize("who", ["township", "dispatcher", "resident"])
def test_people_who_are_not_village_staff_cannot_open_field_pages(
    users: dict[str, User], people: dict[str, Resident], who: str
) -> None:
    client = _client(users[who])
    for url in ("/workbench/field/", "/workbench/field/visit/", "/workbench/field/households/"):
        response = client.get(url)
        assert response.status_code == 403
        assert "天竺社区" not in response.content.decode()


def test_the_home_lists_my_open_follow_ups_and_visits_without_any_count(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    client = _client(users["grid_worker"])
    client.post(
        "/workbench/field/visit/",
        {
            "place_kind": "back_lane",
            "place": "后弄堂",
            "finding": "路灯不亮",
            "follow_up_on": "2026-03-09",
        },
    )
    html = client.get("/workbench/field/").content.decode()
    assert "2026-03-09" in html and "后弄堂" in html
    assert "rank" not in html.lower() and "points" not in html.lower()
