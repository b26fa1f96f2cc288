"""The public board and Open311: which requests the public may see, anonymised."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from jiceng.cases.models import Case, CaseEvent, Category, EventKind, Kind, Rating, State
from jiceng.cases.public.lookup import PUBLIC_CASE_FIELDS
from jiceng.cases.public.scrubbing import public_description
from jiceng.cases.public.text import shorten
from jiceng.places.models import Division

# Requests a dispatcher has looked at. Unreviewed ones (submitted, or held as likely spam)
# are not listed: public lists must not publish whatever anyone types. Merged duplicates
# are listed under the case that carries the work.
LISTED_STATES = (State.DISPATCHED, State.ACCEPTED, State.RESOLVED, State.CLOSED)
# Looked up by number, an unreviewed request is shown without its text.
UNREVIEWED_STATES = (State.SUBMITTED, State.QUARANTINED)


def county_requests(county_code: str) -> QuerySet[Case]:
    """Every request of one county, never a consultation: what may be looked up by number."""
    return Case.objects.filter(kind=Kind.REQUEST, division__code__startswith=county_code)


def listed_requests(county_code: str) -> QuerySet[Case]:
    """The county's reviewed requests: what the board and Open311 may list."""
    return county_requests(county_code).filter(state__in=LISTED_STATES)


@dataclass(frozen=True)
class BoardItem:
    category: Category
    village: str
    township: str
    state: str
    summary: str
    submitted_at: datetime
    days_taken: int | None = None
    again: str = ""  # "reopened" or "escalated" while it is handled again, else ""


def _again(case: Case) -> str:
    """Why an open request is being handled again: the resident reopened it, or it went up."""
    if case.state not in (State.DISPATCHED, State.ACCEPTED):
        return ""
    if case.reopen_count:
        return EventKind.REOPEN
    return EventKind.ESCALATE if getattr(case, "escalated", False) else ""


def _board_item(case: Case) -> BoardItem:
    taken = None
    if case.resolved_at is not None:
        taken = max(1, -(-(case.resolved_at - case.submitted_at) // timedelta(days=1)))
    township = case.division.parent
    return BoardItem(
        category=case.category,
        village=case.division.name,
        township=township.name if township is not None else "",
        state=case.state,
        summary=shorten(public_description(case)),
        submitted_at=case.submitted_at,
        days_taken=taken,
        again=_again(case),
    )


def _board_cases(county: Division) -> QuerySet[Case]:
    escalated = CaseEvent.objects.filter(case_id=OuterRef("pk"), kind=EventKind.ESCALATE)
    return (
        county_requests(county.code)
        .select_related(*PUBLIC_CASE_FIELDS, "resident")
        .annotate(escalated=Exists(escalated))
    )


def recent_requests(
    county: Division, *, page: int = 1, per_page: int = 20
) -> tuple[list[BoardItem], bool]:
    """One page of recent requests (newest first) and whether an older page exists.

    Requests still waiting for the dispatcher are left out: nobody has looked at
    them yet, and the board must not publish whatever anyone types.
    """
    start = (page - 1) * per_page
    cases = (
        _board_cases(county)
        .filter(state__in=LISTED_STATES)
        .order_by("-submitted_at", "-pk")[start : start + per_page + 1]
    )
    items = [_board_item(case) for case in cases]
    return items[:per_page], len(items) > per_page


def fixed_recently(county: Division, *, limit: int = 10) -> list[BoardItem]:
    """Closed requests whose closing rating said "solved", most recently closed first."""
    solved_at_close = Rating.objects.filter(
        case_id=OuterRef("pk"), solved=True, at=OuterRef("closed_at")
    )
    cases = (
        _board_cases(county)
        .filter(state=State.CLOSED)
        .filter(Exists(solved_at_close))
        .order_by("-closed_at", "-pk")[:limit]
    )
    return [_board_item(case) for case in cases]
