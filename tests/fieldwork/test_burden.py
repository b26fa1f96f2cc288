"""The burden measure: typed against prefilled fields, a median per month, never per person."""

from __future__ import annotations

import pytest
from django.test import Client
from fieldwork.households import street

from jiceng.cases.models import Category
from jiceng.fieldwork.burden import burden_by_month
from jiceng.fieldwork.models import PlaceKind
from jiceng.fieldwork.services import visit_record
from jiceng.people.models import Resident, User


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def test_a_visit_turned_into_a_case_needs_at_most_six_typed_fields(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    for who in ("cadre", "grid_worker", "cadre"):
        visit_record(
            by=users[who],
            place_kind=PlaceKind.HOUSEHOLD,
            household=people["head"].household,
            finding="院墙开裂。",
            case_category=Category.objects.get(code="housing"),
        )
    [(month, typed, prefilled)] = burden_by_month()
    assert (month, typed) == ("2026-03", 4) and typed <= 6 and prefilled > typed


def test_the_admin_shows_the_monthly_median_and_no_names(
    users: dict[str, User], people: dict[str, Resident], monday: object
) -> None:
    visit_record(by=users["cadre"], place_kind=PlaceKind.FIELD, place="东畈", finding="水渠堵了。")
    client = Client()
    client.force_login(users["admin"])
    html = client.get("/admin/fieldwork/visit/").content.decode()
    assert "2026-03: median 3 typed, 2 prefilled fields per visit" in html
    assert "cadre" not in html.split('id="result_list"')[0].split("messagelist")[-1]
