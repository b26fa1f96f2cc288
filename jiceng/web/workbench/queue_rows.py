"""A case as a row of the queue: its deadline worded and marked, and whether it is urgent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse

from jiceng.cases.models import Case, State, Urgency
from jiceng.web.workbench import reopen
from jiceng.web.workbench.timeleft import CaseDue, case_due


@dataclass(frozen=True)
class Row:
    """One line of a list, with what the template would otherwise work out fifty times."""

    case: Case
    due: CaseDue
    url: str
    state: str
    urgent: bool
    urgency: str
    reopen_mark: reopen.ReopenMark | None


def queue_rows(cases: Iterable[Case], now: datetime) -> list[Row]:
    # One reverse() for the page rather than one per row.
    prefix = reverse("workbench:case", args=["0"]).removesuffix("0/")
    return [
        Row(
            case=case,
            due=case_due(case, now),
            url=f"{prefix}{case.number}/",
            state=str(State(case.state).label),
            urgent=case.urgency == Urgency.EMERGENCY,
            urgency=str(Urgency(case.urgency).label),
            reopen_mark=reopen.reopen_mark(case.reopen_count),
        )
        for case in cases
    ]
