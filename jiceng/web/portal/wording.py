"""Deadlines and time limits in the words a resident uses."""

from __future__ import annotations

from datetime import datetime

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jiceng.cases.models import TimeLimit
from jiceng.core.calendar import HOURS


def when(moment: datetime, now: datetime) -> str:
    """A deadline as a date and time, with how far away it is."""
    local = timezone.localtime(moment)
    days = (local.date() - timezone.localtime(now).date()).days
    time = formats.time_format(local, "H:i")  # 24-hour, and no "p.m." before a full stop
    if days == 0:
        return str(_("today, %(time)s")) % {"time": time}
    if days == 1:
        return str(_("tomorrow, %(time)s")) % {"time": time}
    date = formats.date_format(local, "DATETIME_FORMAT")
    if days < 0:
        return ngettext("%(date)s (%(n)d day ago)", "%(date)s (%(n)d days ago)", -days) % {
            "date": date,
            "n": -days,
        }
    return ngettext("%(date)s (in %(n)d day)", "%(date)s (in %(n)d days)", days) % {
        "date": date,
        "n": days,
    }


def limit_words(limit: TimeLimit) -> str:
    n = limit.resolve_amount
    if limit.resolve_unit == HOURS:
        return ngettext("%(n)d hour", "%(n)d hours", n) % {"n": n}
    return ngettext("%(n)d working day", "%(n)d working days", n) % {"n": n}
