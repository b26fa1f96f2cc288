"""Household pages: masked by default; revealed only with a reason, and logged."""

from __future__ import annotations

import pytest
from django.test import Client
from fieldwork.households import street

from jiceng.people.models import AccessLog, Resident, User


@pytest.fixture
def people(users: dict[str, User]) -> dict[str, Resident]:
    return street(users)


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _url(person: Resident, suffix: str = "") -> str:
    return f"/workbench/field/households/{person.household_id}/{suffix}"


def test_the_list_and_detail_show_only_masked_personal_data(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    client = _client(users["cadre"])
    for url in ("/workbench/field/households/", _url(people["alone"])):
        html = client.get(url).content.decode()
        assert "王**" in html
        assert "王秀英" not in html and "13900001111" not in html and "高血压" not in html
    assert "139****1111" in client.get(_url(people["alone"])).content.decode()


def test_revealing_with_a_reason_shows_the_field_once_and_logs_it(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    person = people["alone"]
    response = _client(users["grid_worker"]).post(
        _url(person, "reveal/"),
        {"resident": person.pk, "field": "health_note", "reason": "送药前核对"},
    )
    assert "高血压，行走需拐杖" in response.content.decode()
    entry = AccessLog.objects.get()
    assert (entry.user, entry.field, entry.reason) == (
        users["grid_worker"],
        "health_note",
        "送药前核对",
    )
    assert "高血压" not in _client(users["grid_worker"]).get(_url(person)).content.decode()


def test_a_reveal_without_a_reason_is_refused_beside_the_form(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    person = people["alone"]
    response = _client(users["cadre"]).post(
        _url(person, "reveal/"), {"resident": person.pk, "field": "phone", "reason": ""}
    )
    assert response.status_code == 400 and "13900001111" not in response.content.decode()
    assert not AccessLog.objects.exists()


def test_a_grid_worker_of_another_household_sees_no_reveal_button_and_is_refused(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    person = people["head"]  # this household has no grid worker assigned
    client = _client(users["grid_worker"])
    assert "Show, and log it" not in client.get(_url(person)).content.decode()
    response = client.post(
        _url(person, "reveal/"), {"resident": person.pk, "field": "phone", "reason": "联系"}
    )
    assert response.status_code == 403 and "13700002222" not in response.content.decode()
    assert not AccessLog.objects.exists()


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre"])
def test_another_villages_cadre_gets_404_for_the_household_and_its_reveal(
    users: dict[str, User], people: dict[str, Resident], who: str
) -> None:
    person = people["alone"]
    client = _client(users[who])
    page = client.get(_url(person))
    reveal = client.post(
        _url(person, "reveal/"), {"resident": person.pk, "field": "phone", "reason": "看看"}
    )
    assert (page.status_code, reveal.status_code) == (404, 404)
    assert "新街" not in page.content.decode() + reveal.content.decode()
    assert "新街" not in client.get("/workbench/field/households/").content.decode()
    assert not AccessLog.objects.exists()


def test_health_marks_are_hidden_alike_for_everyone_until_revealed_with_a_reason(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    person = people["alone"]
    person.disability = True
    person.save(update_fields=["health"])
    client = _client(users["grid_worker"])
    for url in ("/workbench/field/households/", _url(person)):
        assert ">disability<" not in client.get(url).content.decode()
    response = client.post(
        _url(person, "reveal/"), {"resident": person.pk, "field": "health", "reason": "办残疾证"}
    )
    assert '<strong class="clear">disability</strong>' in response.content.decode()
    entry = AccessLog.objects.get()
    assert (entry.user, entry.field, entry.reason) == (users["grid_worker"], "health", "办残疾证")


def test_another_villages_cadre_cannot_reveal_health_marks(
    users: dict[str, User], people: dict[str, Resident]
) -> None:
    person = people["alone"]
    response = _client(users["outsider_cadre"]).post(
        _url(person, "reveal/"), {"resident": person.pk, "field": "health", "reason": "看看"}
    )
    assert response.status_code == 404 and "disability" not in response.content.decode()
    assert not AccessLog.objects.exists()
