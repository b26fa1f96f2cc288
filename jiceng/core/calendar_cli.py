"""``jiceng calendar import FILE`` and ``jiceng calendar show [--year Y]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiceng.core.errors import InvalidInput


def add_arguments(command: argparse.ArgumentParser) -> None:
    actions = command.add_subparsers(dest="action", required=True)
    load = actions.add_parser(
        "import",
        help="replace the years in FILE with its days (CSV or JSON: date,kind,name[,provisional])",
    )
    load.add_argument("file")
    show = actions.add_parser("show", help="list a year's holidays and make-up workdays")
    show.add_argument("--year", type=int, default=None, help="default: this year")


def run(args: argparse.Namespace) -> int:
    return _import(Path(args.file)) if args.action == "import" else _show(args.year)


def _import(path: Path) -> int:
    from jiceng.core.calendar_file.reading import read_calendar_file
    from jiceng.core.services import calendar_import

    try:
        changes = calendar_import(days=read_calendar_file(path))
    except InvalidInput as error:
        print(error.message, file=sys.stderr)
        return 1
    for line in changes.lines():
        print(line)
    print(changes.summary())
    _print_warning()
    return 0


def _show(year: int | None) -> int:
    from django.utils import timezone
    from django.utils.formats import date_format
    from django.utils.translation import gettext as _

    from jiceng.core import calendar, clock

    year = year or timezone.localdate(clock.now()).year
    days = calendar.days_of_year(year)
    if not days:
        print(_("No calendar days for %(year)d.") % {"year": year})
    for day in days:
        flag = " " + _("(provisional)") if day.provisional else ""
        weekday = date_format(day.date, "D")
        print(f"{day.date}\t{weekday}\t{day.get_kind_display()}\t{day.name}{flag}\t{day.source}")
    _print_warning()
    return 0


def _print_warning() -> None:
    from django.utils import timezone

    from jiceng.core import calendar, clock

    warning = calendar.missing_year_warning(timezone.localdate(clock.now()))
    if warning:
        print(warning, file=sys.stderr)
