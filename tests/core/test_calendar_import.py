"""``jiceng calendar import FILE`` and ``jiceng calendar show``: a year replaced in one step.

The files below are made up for the tests (a pretend 2027 notice); the real 2027 notice
was not published when they were written.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from jiceng.cli import main
from jiceng.core import calendar, clock
from jiceng.core.models import CalendarDay, DayKind

from factories import local

pytestmark = pytest.mark.django_db

NOTICE_2027 = """date,kind,name,source
2027-01-01,holiday,元旦,pretend notice
2027-02-05,holiday,春节,pretend notice
2027-02-06,holiday,春节,pretend notice
2027-02-07,holiday,春节,pretend notice
2027-02-08,holiday,春节,pretend notice
2027-02-09,holiday,春节,pretend notice
2027-02-20,workday,春节调休,pretend notice
"""


def _file(tmp_path: Path, text: str, name: str = "calendar-2027.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _import(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["calendar", "import", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


def _stored(year: int) -> list[tuple[str, str, str, bool]]:
    rows = CalendarDay.objects.filter(date__year=year).order_by("date")
    return [(r.date.isoformat(), r.kind, r.name, r.provisional) for r in rows]


def test_a_notice_replaces_the_provisional_year_and_says_what_changed(tmp_path, capsys):
    code, out, err = _import(_file(tmp_path, NOTICE_2027), capsys)
    assert code == 0, err
    assert _stored(2027) == [
        ("2027-01-01", "holiday", "元旦", False),
        ("2027-02-05", "holiday", "春节", False),
        ("2027-02-06", "holiday", "春节", False),
        ("2027-02-07", "holiday", "春节", False),
        ("2027-02-08", "holiday", "春节", False),
        ("2027-02-09", "holiday", "春节", False),
        ("2027-02-20", "workday", "春节调休", False),
    ]
    assert "~ 2027-01-01 Statutory holiday (no work) 元旦 (provisional) → 2027-01-01" in out
    assert "+ 2027-02-20 Make-up workday (work on a weekend) 春节调休" in out
    assert "- 2027-10-01 Statutory holiday (no work) 国庆节 (provisional)" in out
    assert "Calendar 2027: 2 days added, 8 removed, 5 changed, 0 unchanged." in out
    assert set(CalendarDay.objects.filter(date__year=2027).values_list("source", flat=True)) == {
        "pretend notice"
    }


def test_the_imported_days_count_at_once_in_deadlines(tmp_path, capsys):
    assert calendar.is_working_day(date(2027, 2, 9))  # warms the cache with the old days
    _import(_file(tmp_path, NOTICE_2027), capsys)
    assert not calendar.is_working_day(date(2027, 2, 9))
    assert calendar.is_working_day(date(2027, 2, 20))  # a Saturday made a workday
    due = calendar.deadline(local(2027, 2, 19, 10, 0), 1, calendar.WORKING_DAYS)
    assert due == local(2027, 2, 20, 23, 59, 59)


def test_importing_the_official_year_ends_the_warning(tmp_path, capsys):
    with clock.frozen_at(local(2026, 12, 4, 9, 0)):
        assert calendar.missing_year_warning(date(2026, 12, 4)) is not None
        code, _out, err = _import(_file(tmp_path, NOTICE_2027), capsys)
    assert code == 0 and "provisional" not in err
    assert calendar.missing_year_warning(date(2026, 12, 4)) is None


def test_other_years_are_left_alone(tmp_path, capsys):
    before = _stored(2026)
    _import(_file(tmp_path, NOTICE_2027), capsys)
    assert _stored(2026) == before and len(before) == 39


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path, capsys):
    path = _file(tmp_path, NOTICE_2027)
    _import(path, capsys)
    code, out, _err = _import(path, capsys)
    assert code == 0
    assert out.strip() == "Calendar 2027: 0 days added, 0 removed, 0 changed, 7 unchanged."


def test_a_json_file_with_a_source_for_all_days_is_read_like_csv(tmp_path, capsys):
    days = [
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-02-20", "kind": "workday", "name": "春节调休", "provisional": True},
    ]
    path = _file(tmp_path, json.dumps({"source": "通知", "days": days}), "notice.json")
    code, _out, err = _import(path, capsys)
    assert code == 0, err
    assert _stored(2027) == [
        ("2027-01-01", "holiday", "元旦", False),
        ("2027-02-20", "workday", "春节调休", True),
    ]
    assert CalendarDay.objects.get(date=date(2027, 1, 1)).source == "通知"


def test_without_a_source_column_the_file_name_is_the_source(tmp_path, capsys):
    _import(_file(tmp_path, "date,kind,name\n2027-01-01,holiday,元旦\n", "gov-2027.csv"), capsys)
    assert CalendarDay.objects.get(date=date(2027, 1, 1)).source == "gov-2027.csv"


# --- bad files: every error named, nothing written -----------------------------------------


def _refused(tmp_path, capsys, text, name="bad.csv"):
    before = _stored(2027)
    code, out, err = _import(_file(tmp_path, text, name), capsys)
    assert code == 1
    assert out == ""
    assert _stored(2027) == before  # still the provisional year, untouched
    return err


def test_a_bad_date_is_named_with_its_line_and_field(tmp_path, capsys):
    err = _refused(
        tmp_path, capsys, "date,kind,name\n2027-01-01,holiday,元旦\n2027/02/05,holiday,春节\n"
    )
    assert "bad.csv has 1 error; nothing was imported." in err
    assert "line 3, date: Enter a date as year-month-day, for example 2027-01-01." in err


def test_a_day_that_does_not_exist_is_refused(tmp_path, capsys):
    err = _refused(tmp_path, capsys, "date,kind,name\n2027-02-30,holiday,春节\n")
    assert "line 2, date: 2027-02-30 is not a day of the calendar." in err


def test_a_bad_kind_is_named_with_its_line_and_field(tmp_path, capsys):
    err = _refused(tmp_path, capsys, "date,kind,name\n2027-01-01,rest,元旦\n")
    assert "line 2, kind: Expected holiday or workday." in err


def test_a_duplicate_date_names_both_lines(tmp_path, capsys):
    text = (
        "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-05,holiday,春节\n2027-01-01,holiday,x\n"
    )
    err = _refused(tmp_path, capsys, text)
    assert "line 4, date: 2027-01-01 is already in the file (line 2)." in err


def test_every_bad_row_is_listed_at_once(tmp_path, capsys):
    text = (
        "date,kind,name,provisional\n"
        "2027-01-01,holiday,,maybe\n"
        "2027-02-10,workday,春节调休,false\n"
        "2027-02-20,workday,春节调休,\n"
    )
    err = _refused(tmp_path, capsys, text)
    assert "has 3 errors" in err
    assert "line 2, name: Enter the name of the holiday, for example Spring Festival." in err
    assert "line 2, provisional: Expected true or false." in err
    assert "line 3, kind: A make-up workday falls on a Saturday or Sunday;" in err


def test_a_missing_column_is_named_on_the_header_line(tmp_path, capsys):
    err = _refused(tmp_path, capsys, "date,name\n2027-01-01,元旦\n")
    assert "line 1: The header must name the columns date, kind, name; missing: kind." in err


def test_a_json_entry_is_named_by_its_number(tmp_path, capsys):
    days = [{"date": "2027-01-01", "kind": "holiday", "name": "元旦"}, {"date": "2027-01-02"}]
    err = _refused(tmp_path, capsys, json.dumps(days), "bad.json")
    assert "entry 2, kind: Expected holiday or workday." in err
    assert "entry 2, name: Enter the name" in err


def test_broken_json_is_refused_with_its_line(tmp_path, capsys):
    err = _refused(tmp_path, capsys, '[\n{"date": "2027-01-01",\n', "bad.json")
    assert "line 3: Not valid JSON" in err


def test_another_file_type_and_an_empty_file_are_refused(tmp_path, capsys):
    assert "Expected a .csv or .json file." in _refused(tmp_path, capsys, "x", "days.xlsx")
    assert "The file has no days." in _refused(tmp_path, capsys, "date,kind,name\n")


def test_errors_are_in_the_users_language(tmp_path, capsys, chinese):
    err = _refused(tmp_path, capsys, "date,kind,name\n2027-01-01,rest,元旦\n")
    assert "第 2 行，kind：应为 holiday（放假）或 workday（调休上班）。" in err
    assert "bad.csv 有 1 处错误，未导入任何数据。" in err


# --- show ---------------------------------------------------------------------------------


def test_show_lists_a_years_days_with_their_flag_and_source(capsys):
    assert main(["calendar", "show", "--year", "2027"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 13
    assert lines[0].split("\t")[:4] == [
        "2027-01-01",
        "Fri",
        "Statutory holiday (no work)",
        "元旦 (provisional)",
    ]


def test_show_without_a_year_shows_this_year_and_warns_about_the_next(capsys):
    CalendarDay.objects.filter(date__year=2026).update(provisional=False)
    with clock.frozen_at(local(2026, 12, 4, 9, 0)):
        assert main(["calendar", "show"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("2026-01-01\tThu")
    assert "The holiday calendar for 2027 is provisional" in err


def test_show_says_when_a_year_has_no_days(capsys):
    main(["calendar", "show", "--year", "2030"])
    assert "No calendar days for 2030." in capsys.readouterr().out
    assert CalendarDay.objects.filter(kind=DayKind.HOLIDAY, date__year=2030).count() == 0
