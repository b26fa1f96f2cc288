"""A case's clocks: the time limit it runs on and the deadlines of a new owner."""

from __future__ import annotations

from datetime import datetime

from jiceng.cases.models import Case, TimeLimit, Urgency
from jiceng.core import calendar
from jiceng.people.models import Unit


def time_limit_for(case: Case) -> TimeLimit:
    if case.urgency == Urgency.EMERGENCY:
        return TimeLimit.objects.get(code="emergency")
    return case.category.time_limit


def deadlines_from(case: Case, start: datetime) -> dict[str, datetime]:
    limit = time_limit_for(case)
    return {
        "respond_by": calendar.deadline(start, limit.respond_amount, limit.respond_unit),
        "resolve_by": calendar.deadline(start, limit.resolve_amount, limit.resolve_unit),
    }


def new_owner(case: Case, unit: Unit, at: datetime) -> dict[str, object]:
    return {"owner_id": unit.pk, "owner_since": at, "reminded_at": None, **deadlines_from(case, at)}
