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
    calendar.known_days.forget()
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


# --- 2027, provisional until the State Council's notice -----------------------------------


def test_new_years_day_2027_is_not_a_working_day():
    assert not calendar.is_working_day(date(2027, 1, 1))  # a Friday


def test_2027_ships_the_thirteen_days_the_law_fixes_all_provisional_and_no_make_up_days():
    days = CalendarDay.objects.filter(date__year=2027)
    assert days.count() == 13
    assert not days.filter(provisional=False).exists()
    assert not days.filter(kind=DayKind.WORKDAY).exists()
    assert [d.isoformat() for d in days.filter(name="春节").values_list("date", flat=True)] == [
        "2027-02-05",  # 除夕
        "2027-02-06",
        "2027-02-07",
        "2027-02-08",
    ]
    assert all("2024年修订" in source for source in days.values_list("source", flat=True))


def test_the_notices_of_2025_and_2026_are_named_as_the_source_of_their_days():
    assert set(CalendarDay.objects.filter(date__year=2026).values_list("source", flat=True)) == {
        "国务院办公厅关于2026年部分节假日安排的通知"
    }
    assert not CalendarDay.objects.filter(date__year__lt=2027, provisional=True).exists()


def test_a_limit_started_on_new_years_eve_2026_skips_new_years_day_2027():
    due = calendar.deadline(local(2026, 12, 31, 16, 0), 1, calendar.WORKING_DAYS)
    assert due == local(2027, 1, 4, 23, 59, 59)  # Fri 1 Jan holiday, then the weekend


def test_three_working_days_across_national_day_2027():
    # Thursday 30 Sep: Fri 1 Oct is 国庆, Sat 2 and Sun 3 too; Mon 4, Tue 5, Wed 6.
    due = calendar.deadline(local(2027, 9, 30, 10, 0), 3, calendar.WORKING_DAYS)
    assert due == local(2027, 10, 6, 23, 59, 59)


def test_spring_festival_2027_starts_on_new_years_eve():
    # Thursday 4 Feb: Fri 5 (除夕) to Mon 8 (初三) are holidays → Tuesday 9 Feb.
    due = calendar.deadline(local(2027, 2, 4, 10, 0), 1, calendar.WORKING_DAYS)
    assert due == local(2027, 2, 9, 23, 59, 59)


def test_lunar_holidays_of_2027_fall_on_their_lunar_dates():
    for day in (date(2027, 4, 5), date(2027, 6, 9), date(2027, 9, 15)):  # 清明, 端午, 中秋
        assert not calendar.is_working_day(day)
    assert calendar.is_working_day(date(2027, 10, 4))  # no 补休 is guessed


# --- warnings about missing years ---------------------------------------------------------


def test_no_warning_before_october_when_this_year_is_official():
    CalendarDay.objects.filter(date__year=2027).delete()
    assert calendar.missing_year_warning(date(2026, 9, 30)) is None


def test_from_october_a_missing_next_year_is_warned_about():
    CalendarDay.objects.filter(date__year=2027).delete()
    warning = calendar.missing_year_warning(date(2026, 10, 1))
    assert warning is not None
    assert "no days for 2027 yet" in warning


def test_from_october_a_provisional_next_year_is_warned_about():
    warning = calendar.missing_year_warning(date(2026, 12, 4))
    assert warning is not None and "2027 is provisional" in warning


def test_a_missing_current_year_is_warned_about_all_year_and_first():
    warning = calendar.missing_year_warning(date(2028, 2, 1))
    assert warning is not None
    assert "no days for 2028:" in warning and "public holidays included" in warning
    assert "2028" in (calendar.missing_year_warning(date(2028, 11, 1)) or "")


def test_a_provisional_current_year_is_warned_about_before_october_too():
    warning = calendar.missing_year_warning(date(2027, 3, 1))
    assert warning is not None and "2027 is provisional" in warning


def test_an_official_next_year_silences_the_warning():
    CalendarDay.objects.filter(date__year=2027).update(provisional=False)
    calendar.known_days.forget()
    assert calendar.missing_year_warning(date(2026, 12, 4)) is None


def test_one_provisional_day_left_in_an_official_year_still_warns():
    CalendarDay.objects.filter(date__year=2027).exclude(date=date(2027, 1, 1)).update(
        provisional=False
    )
    calendar.known_days.forget()
    assert "2027 is provisional" in (calendar.missing_year_warning(date(2026, 12, 4)) or "")
