"""The cause of each case resolved in a month, read from the case's resolve events."""

from __future__ import annotations

from datetime import date

from jiceng.cases.models import CaseEvent, EventKind
from jiceng.cases.rootcauses import ROOT_CAUSE
from jiceng.insights.rates.counting import month_bounds
from jiceng.people.models import User
from jiceng.places.codes import code_range


def causes_by_case(
    user: User, month: date, *, cases: list[int] | None = None
) -> dict[int, tuple[str, str]]:
    """case id → (division code, cause) of the cases resolved in the month with a cause."""
    area = user.jurisdiction
    if area == "-":
        return {}
    start, end = month_bounds(month.year, month.month)
    events = CaseEvent.objects.filter(
        code_range("division_code", area), kind=EventKind.RESOLVE, at__gte=start, at__lt=end
    ).filter(data__has_key=ROOT_CAUSE)
    if cases is not None:
        events = events.filter(case_id__in=cases)
    rows = events.order_by("case_id", "seq").values_list("case_id", "division_code", "data")
    return {case: (code, data[ROOT_CAUSE]) for case, code, data in rows}
