from datetime import date

import pytest

from jiceng.core import calendar
from jiceng.core.models import CalendarDay, DayKind

from factories import local

pytestmark = pytest.mark.django_db


def test_weekends_are_rest_days_and_weekdays_work():
    assert calendar.is_working_day(date(2026, 3, 2))  # Monday
    assert not calendar.is_working_day(date(2026, 3, 7))  # Saturday


def test_national_day_holiday_is_not_a_working_day():
    assert not calendar.is_working_day(date(2025, 10, 3))  # a Friday in 国庆
    assert not calendar.is_working_day(date(2026, 10, 7))


def test_make_up_workday_on_a_weekend_is_a_working_day():
    assert calendar.is_working_day(date(2025, 9, 28))  # Sunday, 国庆调休
    assert calendar.is_working_day(date(2026, 2, 14))  # Saturday, 春节调休


def test_seven_working_days_across_national_day_2025_count_the_make_up_days():
    # Friday 26 Sep 2025: working days after it are Sun 28 (make-up), Mon 29, Tue 30,
    # then 1–8 Oct are holidays, Thu 9, Fri 10, Sat 11 (make-up), Mon 13 → the 7th.
    due = calendar.deadline(local(2025, 9, 26, 15, 0), 7, calendar.WORKING_DAYS)
    assert due == local(2025, 10, 13, 23, 59, 59)
    # Without the make-up days it would have run to Wednesday 15 Oct.


def test_working_days_starting_on_a_holiday_lose_nothing():
    due = calendar.deadline(local(2026, 2, 16, 10, 0), 1, calendar.WORKING_DAYS)  # 春节
    assert due == local(2026, 2, 24, 23, 59, 59)


def test_hour_limits_run_on_calendar_time_through_holidays():
    assert calendar.deadline(local(2025, 10, 1, 8, 0), 24, calendar.HOURS) == local(
        2025, 10, 2, 8, 0
    )


def test_editing_the_calendar_changes_the_next_deadline():
    CalendarDay.objects.create(date=date(2026, 3, 3), kind=DayKind.HOLIDAY, name="本地假日")
    calendar.forget_cached_calendar()
    assert calendar.deadline(local(2026, 3, 2, 9, 0), 1, calendar.WORKING_DAYS) == local(
        2026, 3, 4, 23, 59, 59
    )


def test_calendar_ships_both_years_of_holidays_and_make_up_days():
    assert CalendarDay.objects.filter(date__year=2025, kind=DayKind.WORKDAY).count() == 5
    assert CalendarDay.objects.filter(date__year=2026, kind=DayKind.WORKDAY).count() == 6
    assert CalendarDay.objects.filter(date__year=2026, name="春节").count() == 9


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="unit"):
        calendar.deadline(local(2026, 3, 2, 9, 0), 1, "fortnights")
