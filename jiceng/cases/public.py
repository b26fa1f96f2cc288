"""What the public may see of cases.

A resident finds their own case by its number and the last four digits of
the phone they gave; its timeline shows only public events, with unit names
but never the staff who acted, internal notes or anyone's contact details.
The public board shows anonymised requests of one county: no numbers, no
names, no phone or ID numbers in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet

from jiceng.cases import rules
from jiceng.cases.models import (
    PUBLIC_EVENTS,
    Case,
    CaseEvent,
    Category,
    EventKind,
    Kind,
    Rating,
    State,
)
from jiceng.core import pii, throttle
from jiceng.people.models import Unit, UnitKind
from jiceng.places.models import Division, Level

SUMMARY_LENGTH = 40
# Seven or more digits, possibly broken by spaces or dashes, with an ID number's final X:
# phone numbers, ID numbers, bank cards. Shorter runs (house numbers, dates) stay.
_LONG_NUMBER = re.compile(r"\d(?:[\s-]?\d){6,}[xX]?")
_HIDDEN = "**"
_PUBLIC_CASE_FIELDS = ("category", "division__parent", "owner")


# --- anonymising text ------------------------------------------------------------------------


def scrub(text: str, *, name: str = "") -> str:
    """``text`` without long digit runs, names or house numbers (see ``core.pii``).

    Long digit runs of any kind go, not only those ``pii`` recognises as phone or ID
    numbers: the public needs none of them, and a mistyped number is still someone's.
    """
    return pii.scrub_text(_LONG_NUMBER.sub(_HIDDEN, text), names=[name] if name else [])


def shorten(text: str, length: int = SUMMARY_LENGTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def public_description(case: Case) -> str:
    name = case.resident.name if case.resident is not None else ""
    return scrub(case.description, name=name)


# --- where the deployment works --------------------------------------------------------------


def deployment_counties() -> list[Division]:
    """Counties with a dispatch centre; the division table may hold all of China."""
    centres = Unit.objects.filter(kind=UnitKind.DISPATCH).values("division_id")
    counties = list(Division.objects.filter(level=Level.COUNTY, code__in=centres))
    # A fresh install has no centre until its first case: then every imported county counts.
    return counties or list(Division.objects.filter(level=Level.COUNTY))


def townships(counties: list[Division]) -> list[Division]:
    codes = [county.code for county in counties]
    return list(Division.objects.filter(level=Level.TOWNSHIP, parent_id__in=codes))


def villages(township_code: str, counties: list[Division]) -> list[Division]:
    if not any(township_code[:6] == county.code for county in counties):
        return []
    return list(Division.objects.filter(level=Level.VILLAGE, parent_id=township_code))


def categories() -> list[Category]:
    return list(Category.objects.filter(active=True))


# --- a resident's own case -----------------------------------------------------------------


def _public_cases() -> QuerySet[Case]:
    return Case.objects.select_related(*_PUBLIC_CASE_FIELDS, "resident", "category__time_limit")


def find_case(number: str, phone_last4: str) -> Case | None:
    """The resident's own case: the one with this number whose contact phone ends in these
    digits, or their request that was merged into the case with this number. Else None."""
    if not number or len(phone_last4) != 4:
        return None
    cases = _public_cases().filter(resident__phone_last4=phone_last4)
    own = cases.filter(number=number).first()
    if own is not None:
        return own
    return cases.filter(state=State.MERGED, merged_into__number=number).order_by("pk").first()


# Wrong phone digits on one case number, from any address, through the portal or the
# API, before that number is locked: 4 digits are 10,000 guesses, so the budget
# must belong to the number, not to whoever is guessing.
FOLLOW_TRIES = (5, 3600)  # (wrong tries, window in seconds)
# Lookups from one address, portal and API together: generous for a family, tight for a script.
LOOKUPS_PER_ADDRESS = (20, 600)
_FOLLOW_KEY_LENGTH = 40


def lookup_allowed(address: str) -> bool:
    """Count one lookup from ``address``; False once the address has used up its budget."""
    limit, seconds = LOOKUPS_PER_ADDRESS
    return throttle.hit(f"follow:ip:{address or 'unknown'}", limit=limit, seconds=seconds)


def follow_case(number: str, phone_last4: str) -> Case | None:
    """``find_case`` for the public, with a lock per case number after a few wrong tries.

    Five wrong tries on a number in one clock hour lock it for the rest of that
    hour and the whole next one. A locked number answers None like a wrong
    or unknown one, so a caller cannot tell locked, wrong and unknown apart;
    unknown numbers are counted the same way for the same reason.
    """
    key = f"follow:number:{number.strip()[:_FOLLOW_KEY_LENGTH]}"
    limit, seconds = FOLLOW_TRIES
    if throttle.blocked(key, limit=limit, seconds=seconds, windows=2):
        return None
    case = find_case(number, phone_last4)
    if case is None:
        throttle.hit(key, limit=limit, seconds=seconds)
    return case


def followed_case(case: Case) -> Case:
    """The case whose progress a resident of ``case`` follows: the case that carries the work
    of a merged request, else the case itself."""
    if case.state != State.MERGED:
        return case
    return _public_cases().get(pk=rules.merged_survivor(case).pk)


def resident_timeline(case: Case, followed: Case) -> list[Step]:
    """The resident's own steps, then the steps of the case their request was merged into."""
    steps = public_timeline(case)
    if followed.pk == case.pk:
        return steps
    merged_at = max((step.at for step in steps if step.kind == EventKind.MERGE), default=None)
    later = [step for step in public_timeline(followed) if merged_at and step.at >= merged_at]
    return sorted([*steps, *later], key=lambda step: step.at)


def current_rating(case: Case, followed: Case) -> Rating | None:
    """The rating ``case``'s resident gave to the current resolution of ``followed``, if any:
    each resolution is rated once (the rule book refuses a second)."""
    if followed.resolved_at is None:
        return None
    return case.ratings.filter(at__gte=followed.resolved_at).order_by("-at").first()


def number_of(case_id: int) -> str:
    """The number of a case a signed link names ("" if there is none)."""
    return Case.objects.filter(pk=case_id).values_list("number", flat=True).first() or ""


def case_by_number(number: str) -> Case | None:
    """Only for a number the caller has already verified (see the portal's session)."""
    return _public_cases().filter(number=number).first() if number else None


@dataclass(frozen=True)
class Step:
    """One public event. ``answer`` is set only where the resident is meant to read it."""

    kind: str
    at: datetime
    unit: str
    answer: str = ""
    solved: bool | None = None
    satisfaction: str = ""
    merged_into: str = ""


def _public_note(event: CaseEvent, name: str) -> str:
    """The text of an answer or a progress reply; other notes are internal."""
    if event.kind in (EventKind.RESOLVE, EventKind.ANSWER):
        return event.note
    if event.kind == EventKind.REPLY:
        # Written to this resident, but shown to anyone following the case, residents of
        # merged requests too: no personal numbers, as on the public board.
        return scrub(event.note, name=name)
    return ""


def _step(event: CaseEvent, name: str = "") -> Step:
    data = event.data or {}
    return Step(
        kind=event.kind,
        at=event.at,
        unit=event.unit.name if event.unit is not None else "",
        answer=_public_note(event, name),
        solved=data.get("solved") if event.kind == EventKind.RATE else None,
        satisfaction=str(data.get("satisfaction", "")) if event.kind == EventKind.RATE else "",
        merged_into=str(data.get("into", "")) if event.kind == EventKind.MERGE else "",
    )


def public_timeline(case: Case) -> list[Step]:
    events = CaseEvent.objects.filter(case_id=case.pk, kind__in=PUBLIC_EVENTS).select_related(
        "unit"
    )
    name = case.resident.name if case.resident is not None else ""
    return [_step(event, name) for event in events.order_by("seq")]


# --- the public board ------------------------------------------------------------------------


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


# --- which cases the public may see -------------------------------------------------------

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


def _board_cases(county: Division) -> QuerySet[Case]:
    escalated = CaseEvent.objects.filter(case_id=OuterRef("pk"), kind=EventKind.ESCALATE)
    return (
        county_requests(county.code)
        .select_related(*_PUBLIC_CASE_FIELDS, "resident")
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
