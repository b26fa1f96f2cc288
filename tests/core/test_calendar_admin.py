"""The calendar days in the admin: found by year, kind and flag; an edit reaches deadlines."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from jiceng.core import calendar
from jiceng.core.models import CalendarDay, DayKind

from factories import local

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:core_calendarday_changelist")
ADD = reverse("admin:core_calendarday_add")


def _change(day: date) -> str:
    return reverse("admin:core_calendarday_change", args=[day.isoformat()])


def test_the_list_filters_by_year_kind_and_provisional(admin_client: Client) -> None:
    page = admin_client.get(CHANGELIST, {"year": "2027"})
    assert page.context["cl"].result_count == 13
    assert "元旦" in page.content.decode() and "Friday" in page.content.decode()
    workdays = admin_client.get(CHANGELIST, {"year": "2026", "kind__exact": "workday"})
    assert workdays.context["cl"].result_count == 6
    provisional = admin_client.get(CHANGELIST, {"provisional__exact": "1"})
    assert {d.year for d in provisional.context["cl"].queryset.values_list("date", flat=True)} == {
        2027
    }
    years = [
        choice["display"]
        for choice in page.context["cl"].filter_specs[0].choices(page.context["cl"])
    ]
    assert years[1:] == ["2027", "2026", "2025"]


def test_an_admin_adds_a_day_and_the_next_deadline_counts_it(admin_client: Client) -> None:
    start = local(2027, 3, 2, 9, 0)  # a Tuesday
    assert calendar.deadline(start, 1, calendar.WORKING_DAYS) == local(2027, 3, 3, 23, 59, 59)
    response = admin_client.post(
        ADD,
        {"date": "2027-03-03", "kind": DayKind.HOLIDAY, "name": "本地假日", "source": "县政府通知"},
    )
    assert response.status_code == 302, response.content.decode()[-2000:]
    assert CalendarDay.objects.get(date=date(2027, 3, 3)).provisional is False
    # Saving forgets this process's cached days; other processes follow within a minute.
    assert calendar.deadline(start, 1, calendar.WORKING_DAYS) == local(2027, 3, 4, 23, 59, 59)


def test_an_admin_confirms_a_provisional_day_and_the_warning_counts_it(
    admin_client: Client,
) -> None:
    CalendarDay.objects.filter(date__year=2027).exclude(date=date(2027, 1, 1)).delete()
    assert calendar.missing_year_warning(date(2026, 12, 4)) is not None
    response = admin_client.post(
        _change(date(2027, 1, 1)),
        {"kind": DayKind.HOLIDAY, "name": "元旦", "provisional": "", "source": "通知"},
    )
    assert response.status_code == 302
    assert calendar.missing_year_warning(date(2026, 12, 4)) is None


def test_deleting_a_day_makes_it_a_working_day_again(admin_client: Client) -> None:
    assert not calendar.is_working_day(date(2027, 6, 9))
    response = admin_client.post(
        reverse("admin:core_calendarday_delete", args=["2027-06-09"]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert calendar.is_working_day(date(2027, 6, 9))


def test_the_date_of_a_stored_day_cannot_be_edited_into_a_copy(admin_client: Client) -> None:
    page = admin_client.get(_change(date(2027, 1, 1)))
    assert page.status_code == 200
    assert 'name="date"' not in page.content.decode()


def test_a_staff_member_without_permission_cannot_open_the_calendar(
    client: Client, django_user_model: type
) -> None:
    clerk = django_user_model.objects.create_user(username="clerk", password="pw", is_staff=True)
    client.force_login(clerk)
    assert client.get(CHANGELIST).status_code == 403
    assert (
        client.post(ADD, {"date": "2027-03-03", "kind": "holiday", "name": "x"}).status_code == 403
    )
    assert not CalendarDay.objects.filter(date=date(2027, 3, 3)).exists()
