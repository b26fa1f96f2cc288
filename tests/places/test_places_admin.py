"""The divisions and grids admin: lookups for everyone with access, edits for superusers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import translation

from jiceng.places.importer import load_demo_county
from jiceng.places.models import Division, Grid, Level

CHANGELIST = reverse("admin:places_division_changelist")
ADD = reverse("admin:places_division_add")


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    # Pages are checked in their source language; the zh-Hans catalogue translates them.
    with translation.override("en"):
        yield


@pytest.fixture
def viewer(client: Client, django_user_model: Any) -> Client:
    """A staff member who may look divisions up but is no superuser."""
    user = django_user_model.objects.create_user(username="clerk", password="pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_division"))
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_admin_finds_a_township_by_name(admin_client: Client) -> None:
    load_demo_county()

    page = admin_client.get(CHANGELIST, {"q": "枫桥"})

    assert page.status_code == 200
    assert "330681109" in page.content.decode()
    assert page.context["cl"].result_count == 1


@pytest.mark.django_db
def test_admin_code_search_is_a_prefix_scope(admin_client: Client) -> None:
    load_demo_county()

    page = admin_client.get(CHANGELIST, {"q": "330681109"})

    expected = Division.objects.filter(code__startswith="330681109").count()
    assert page.context["cl"].result_count == expected > 1


@pytest.mark.django_db
def test_admin_filters_divisions_by_level(admin_client: Client) -> None:
    load_demo_county()

    page = admin_client.get(CHANGELIST, {"level__exact": Level.TOWNSHIP})

    assert page.context["cl"].result_count == 23


@pytest.mark.django_db
def test_admin_shows_a_village_whose_township_is_not_imported(admin_client: Client) -> None:
    Division.objects.create(
        code="330681109002", name="天竺社区居委会", level=Level.VILLAGE, parent_id="330681109"
    )

    page = admin_client.get(reverse("admin:places_division_change", args=["330681109002"]))

    assert page.status_code == 200
    assert "天竺社区居委会" in page.content.decode()


@pytest.mark.django_db
def test_admin_add_takes_level_and_parent_from_the_code(admin_client: Client) -> None:
    response = admin_client.post(ADD, {"code": "330681109999", "name": "新村"})

    assert response.status_code == 302
    added = Division.objects.get(code="330681109999")
    assert (added.level, added.parent_id) == (Level.VILLAGE, "330681109")


@pytest.mark.django_db
def test_admin_add_refuses_a_code_of_no_level(admin_client: Client) -> None:
    page = admin_client.post(ADD, {"code": "33068", "name": "不对"})

    assert page.status_code == 200
    assert "2, 4, 6, 9 or 12 digits" in page.content.decode()
    assert not Division.objects.exists()


@pytest.mark.django_db
def test_staff_without_superuser_can_look_but_not_rename(viewer: Client) -> None:
    load_demo_county()
    change = reverse("admin:places_division_change", args=["330681109"])

    assert viewer.get(change).status_code == 200
    response = viewer.post(change, {"name": "改名镇"})

    assert response.status_code == 403
    assert Division.objects.get(code="330681109").name == "枫桥镇"


@pytest.mark.django_db
def test_admin_refuses_a_grid_under_a_township(admin_client: Client) -> None:
    load_demo_county()
    add_grid = reverse("admin:places_grid_add")

    page = admin_client.post(
        add_grid, {"code": "330681109001", "name": "一网格", "village": "330681109"}
    )
    assert page.status_code == 200
    assert not Grid.objects.exists()

    response = admin_client.post(
        add_grid, {"code": "330681109002001", "name": "一网格", "village": "330681109002"}
    )
    assert response.status_code == 302
    assert Grid.objects.get().village_id == "330681109002"
