"""Reading the stored hot issues, scoped to the reader's jurisdiction.

Issues are grouped per county (a problem crosses village and township borders), but a
reader sees only the member requests inside the area they look at, and an issue none of
whose requests are there is not shown at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from jiceng.cases.models import Case
from jiceng.insights.dashboard.area import Area, cases_in
from jiceng.insights.models import HotIssue, HotIssueRun
from jiceng.people.models import Unit, UnitKind, User
from jiceng.places.codes import code_range
from jiceng.places.models import Division, Level


@dataclass(frozen=True)
class HotIssueInArea:
    issue: HotIssue
    cases: list[Case]  # the members inside the area, oldest first

    @property
    def villages_here(self) -> int:
        return len({case.division_id for case in self.cases})


@dataclass(frozen=True)
class HotIssueReport:
    issues: list[HotIssueInArea]
    computed_at: datetime | None  # None: not computed yet for this month


def hot_issues(*, user: User, area: Area, year: int, month: int) -> HotIssueReport:
    cases_here = cases_in(user, area)  # checks the role and the area's scope
    stored = list(
        HotIssue.objects.filter(code_range("county", area.code[:6]), month=date(year, month, 1))
    )
    wanted = {pk for issue in stored for pk in issue.case_ids}
    found = {
        case.pk: case
        for case in cases_here.filter(pk__in=wanted)
        .select_related("division", "category")
        .only(
            "number",
            "title",
            "state",
            "submitted_at",
            "division__name",
            "category__name",
            "category__name_en",
        )
    }
    issues = [
        HotIssueInArea(issue, [found[pk] for pk in issue.case_ids if pk in found])
        for issue in stored
    ]
    runs = HotIssueRun.objects.filter(
        code_range("county", area.code[:6]), month=date(year, month, 1)
    )
    computed = max((run.computed_at for run in runs), default=None)
    return HotIssueReport([item for item in issues if item.cases], computed)


def counties_taking_requests() -> list[str]:
    """Every county with a dispatch centre: the ones whose months are grouped."""
    dispatch = Unit.objects.filter(kind=UnitKind.DISPATCH)
    return sorted(set(dispatch.values_list("division_id", flat=True)))


def counties_of(area: Area) -> list[str]:
    """The counties whose hot issues make up ``area``'s: its own, or those under it."""
    if len(area.code) >= 6:
        return [area.code[:6]]
    return list(
        Division.objects.filter(code_range("code", area.code), level=Level.COUNTY).values_list(
            "code", flat=True
        )
    )
