"""The root-cause report: why the problems resolved in one month happened, per area.

Read from the resolve events (``cases.rootcauses`` puts the cause in their data), so
the report cannot disagree with the hash-chained history. A case resolved twice in the
month (reopened in between) counts once, with its last cause.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone

from jiceng.cases.models import CaseEvent, EventKind
from jiceng.cases.rootcauses import ROOT_CAUSE, label
from jiceng.people.models import User
from jiceng.places.codes import code_range
from jiceng.places.models import Division

# The level one report row stands for, by the length of the reader's jurisdiction.
_AREA_LENGTH = {0: 6, 2: 6, 4: 6, 6: 9, 9: 12, 12: 12}


@dataclass(frozen=True)
class Row:
    area: str
    cause: str
    count: int


def month_bounds(month: date) -> tuple[datetime, datetime]:
    start = month.replace(day=1)
    end = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    zone = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(start, time.min), zone),
        timezone.make_aware(datetime.combine(end, time.min), zone),
    )


def causes_by_case(
    user: User, month: date, *, cases: list[int] | None = None
) -> dict[int, tuple[str, str]]:
    """case id → (division code, cause) of the cases resolved in the month with a cause."""
    area = user.jurisdiction
    if area == "-":
        return {}
    start, end = month_bounds(month)
    events = CaseEvent.objects.filter(
        code_range("division_code", area), kind=EventKind.RESOLVE, at__gte=start, at__lt=end
    ).filter(data__has_key=ROOT_CAUSE)
    if cases is not None:
        events = events.filter(case_id__in=cases)
    rows = events.order_by("case_id", "seq").values_list("case_id", "division_code", "data")
    return {case: (code, data[ROOT_CAUSE]) for case, code, data in rows}


def root_cause_report(user: User, month: date) -> list[Row]:
    """Per area below the user's jurisdiction and cause: how many cases, most first."""
    length = _AREA_LENGTH.get(len(user.jurisdiction), 12)
    counts = Counter((code[:length], cause) for code, cause in causes_by_case(user, month).values())
    names = dict(
        Division.objects.filter(pk__in={area for area, _ in counts}).values_list("code", "name")
    )
    return [
        Row(names.get(area, area), label(cause), count)
        for (area, cause), count in sorted(counts.items(), key=lambda item: (item[0][0], -item[1]))
    ]
