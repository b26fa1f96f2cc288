"""The dashboard's holiday-calendar banner: leaders learn in time that next year is missing."""

from datetime import date

import pytest

from jiceng.core import clock
from jiceng.core.models import CalendarDay, DayKind

from factories import local

pytestmark = pytest.mark.django_db

BANNER = 'class="flash warning calendar-warning"'
DECEMBER_4 = local(2026, 12, 4, 9, 0)


def _page(client, user, moment=DECEMBER_4):
    client.force_login(user)
    with clock.frozen_at(moment):
        return client.get("/dashboard/")


def _official_2027():
    CalendarDay.objects.filter(date__year=2027).delete()
    CalendarDay.objects.create(
        date=date(2027, 1, 1), kind=DayKind.HOLIDAY, name="元旦", source="notice"
    )


@pytest.mark.parametrize("role", ["leader", "township", "admin"])
def test_those_who_see_the_dashboard_are_told_next_year_is_provisional(client, users, role):
    response = _page(client, users[role])
    page = response.content.decode()
    assert response.status_code == 200
    assert BANNER in page
    assert "The holiday calendar for 2027 is provisional" in page


def test_a_missing_next_year_is_shown_from_october(client, users):
    CalendarDay.objects.filter(date__year=2027).delete()
    page = _page(client, users["leader"], local(2026, 10, 1, 9, 0)).content.decode()
    assert "The holiday calendar has no days for 2027 yet" in page


def test_no_banner_before_october_when_this_year_is_official(client, users):
    CalendarDay.objects.filter(date__year=2027).delete()
    response = _page(client, users["leader"], local(2026, 9, 30, 9, 0))
    assert response.context["calendar_warning"] is None
    assert BANNER not in response.content.decode()


def test_no_banner_once_next_year_is_loaded(client, users):
    _official_2027()
    response = _page(client, users["leader"])
    assert response.context["calendar_warning"] is None
    assert BANNER not in response.content.decode()


def test_a_missing_current_year_is_shown_in_any_month(client, users):
    page = _page(client, users["leader"], local(2028, 3, 10, 9, 0)).content.decode()
    assert "The holiday calendar has no days for 2028:" in page


@pytest.mark.parametrize("role", ["resident", "cadre", "dispatcher"])
def test_roles_without_the_dashboard_get_no_banner_and_no_figures(client, users, role):
    response = _page(client, users[role])
    assert response.status_code == 403
    assert "holiday calendar" not in response.content.decode().lower()
