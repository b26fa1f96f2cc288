"""Deadlines, time limits and states in the words a resident uses."""

from __future__ import annotations

from datetime import datetime

from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from jiceng.cases.models import EventKind, State, TimeLimit
from jiceng.core.calendar import HOURS

# Short labels for the public board; the follow page says more (see state_sentence).
STATE_LABELS: dict[str, Promise] = {
    State.SUBMITTED: _("Received"),
    State.DISPATCHED: _("Sent to the unit"),
    State.ACCEPTED: _("Being handled"),
    State.RESOLVED: _("Solved, waiting for the resident's rating"),
    State.CLOSED: _("Closed"),
    State.MERGED: _("Handled with another request"),
    State.QUARANTINED: _("Received, being checked"),
}
# An open request handled again says why, instead of "Sent to the unit" for both.
AGAIN_LABELS: dict[str, Promise] = {
    EventKind.REOPEN: _("Reopened: being handled again"),
    EventKind.ESCALATE: _("Escalated to a higher level"),
}


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


def state_sentence(state: str, unit: str) -> str:
    sentences = {
        State.SUBMITTED: _(
            "Received. The hotline centre will send it to the unit that handles it."
        ),
        State.DISPATCHED: _("Sent to %(unit)s, waiting for them to take it on."),
        State.ACCEPTED: _("%(unit)s is working on it."),
        State.RESOLVED: _("%(unit)s says it is solved. Please tell us whether it is."),
        State.CLOSED: _("Closed."),
        State.MERGED: _("Handled together with another request about the same problem."),
        State.QUARANTINED: _("Received. The hotline centre checks it before sending it on."),
    }
    return str(sentences[State(state)]) % {"unit": unit}
