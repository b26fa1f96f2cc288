"""Deadlines in plain words ("2 d 3 h left", "5 h overdue") and how to mark them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases.models import Case, State

OVERDUE = "overdue"
DUE_TODAY = "due-today"
DUE_TOMORROW = "due-tomorrow"


@dataclass(frozen=True)
class Due:
    text: str
    css: str  # OVERDUE, DUE_TODAY, DUE_TOMORROW or ""
    at: datetime


def span(delta: timedelta) -> str:
    """A duration rounded to what a cadre needs: days and hours, or hours and minutes."""
    minutes = int(delta.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return _("%(days)d d %(hours)d h") % {"days": days, "hours": hours}
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    return _("%(minutes)d min") % {"minutes": max(minutes, 1)}


def due(deadline: datetime, now: datetime) -> Due:
    if deadline <= now:
        return Due(_("%(span)s overdue") % {"span": span(now - deadline)}, OVERDUE, deadline)
    text = _("%(span)s left") % {"span": span(deadline - now)}
    return Due(text, _day_mark(deadline, now), deadline)


def _day_mark(deadline: datetime, now: datetime) -> str:
    """Today and tomorrow are calendar days in the local zone, not the next 24 hours."""
    days = (timezone.localdate(deadline) - timezone.localdate(now)).days
    return DUE_TODAY if days <= 0 else DUE_TOMORROW if days == 1 else ""


@dataclass(frozen=True)
class CaseDue:
    """The deadlines that matter for a case in its state, and the row's marking."""

    resolve: Due | None
    respond: Due | None
    callback: Due | None = None

    @property
    def css(self) -> str:
        return _worst(self.resolve, self.respond, self.callback)

    @property
    def handling_css(self) -> str:
        """The marking of the owner's own deadlines, leaving out the dispatcher's call-back."""
        return _worst(self.resolve, self.respond)


def _worst(*dues: Due | None) -> str:
    marks = {d.css for d in dues if d is not None}
    for mark in (OVERDUE, DUE_TODAY, DUE_TOMORROW):
        if mark in marks:
            return mark
    return ""


def case_due(case: Case, now: datetime) -> CaseDue:
    """Open cases run against their deadlines; a dispatched one also against its response limit.

    A resolved case runs against the rating window: the call-back must happen before it closes.
    """
    if case.state == State.RESOLVED and case.resolved_at is not None:
        window = timedelta(days=settings.JICENG_RATING_WINDOW_DAYS)
        return CaseDue(None, None, due(case.resolved_at + window, now))
    if case.state not in (State.SUBMITTED, State.DISPATCHED, State.ACCEPTED):
        return CaseDue(None, None)
    resolve = due(case.resolve_by, now) if case.resolve_by else None
    respond = None
    if case.state == State.DISPATCHED and case.respond_by:
        respond = due(case.respond_by, now)
    return CaseDue(resolve, respond)
