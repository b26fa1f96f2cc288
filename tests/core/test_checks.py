"""The holiday-calendar system check (jiceng.W001) that ``jiceng manage check`` shows."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core import checks
from django.core.management import call_command

from jiceng.core import clock
from jiceng.core.models import CalendarDay

from factories import local

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent.parent
JICENG = Path(sys.executable).parent / "jiceng"


def _calendar_warnings(moment):
    with clock.frozen_at(moment):
        return [m for m in checks.run_checks() if m.id == "jiceng.W001"]


def _without_2027():
    CalendarDay.objects.filter(date__year=2027).delete()


def test_before_october_a_missing_next_year_is_not_warned_about():
    _without_2027()
    assert _calendar_warnings(local(2026, 9, 30, 23, 0)) == []


def test_from_the_first_of_october_a_missing_next_year_is_a_warning():
    _without_2027()
    [warning] = _calendar_warnings(local(2026, 10, 1, 0, 5))
    assert warning.level == checks.WARNING
    assert "no days for 2027 yet" in warning.msg
    assert warning.obj == "core.CalendarDay"


def test_a_provisional_next_year_is_a_warning_too():
    [warning] = _calendar_warnings(local(2026, 12, 4, 9, 0))
    assert "2027 is provisional" in warning.msg


def test_with_next_year_loaded_there_is_no_warning():
    CalendarDay.objects.filter(date__year=2027).update(provisional=False)
    assert _calendar_warnings(local(2026, 12, 4, 9, 0)) == []


def test_a_missing_current_year_is_warned_about_in_any_month():
    [warning] = _calendar_warnings(local(2029, 3, 1, 9, 0))
    assert "no days for 2029:" in warning.msg


def test_manage_check_prints_the_warning_with_its_id():
    _without_2027()
    out, err = StringIO(), StringIO()
    with clock.frozen_at(local(2026, 11, 2, 9, 0)):
        call_command("check", stdout=out, stderr=err)
    assert "(jiceng.W001) The holiday calendar has no days for 2027 yet" in err.getvalue()


@pytest.mark.parametrize("where", ["fresh.sqlite3", "no-such-folder/db.sqlite3"])
def test_check_on_a_database_without_tables_or_that_cannot_open_does_not_crash(tmp_path, where):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(
        JICENG_ENV="test",
        JICENG_LANGUAGE="en",
        JICENG_HOME=str(tmp_path),
        DATABASE_URL=f"sqlite:///{tmp_path / where}",
    )
    result = subprocess.run(
        [str(JICENG), "manage", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "System check identified no issues" in result.stdout
