"""``jiceng calendar show``: a year's holidays and make-up workdays; the missing-year warning."""

from __future__ import annotations

import sys


def calendar_show(year: int | None) -> int:
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
    print_missing_year_warning()
    return 0


def print_missing_year_warning() -> None:
    from django.utils import timezone

    from jiceng.core import calendar, clock

    warning = calendar.missing_year_warning(timezone.localdate(clock.now()))
    if warning:
        print(warning, file=sys.stderr)
