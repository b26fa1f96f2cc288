"""Scoped reads for the workbench: queues, filters, search, one case with its history.

Every case query starts from :func:`permissions.visible_cases`, so a filter can
only narrow what the user may already see; a parameter naming another unit's
village finds nothing. Lists load their related rows in the same query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Case as Switch
from django.db.models import Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.utils.translation import gettext as _

from jiceng.cases import rules, search
from jiceng.cases.models import OPEN_STATES, Case, CaseEvent, EventKind, State
from jiceng.cases.permissions import STAFF_ROLES, visible_cases
from jiceng.core.errors import NotAllowed
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.places.codes import code_range
from jiceng.places.models import Division, Level

COUNTY_CODE_LENGTH = 6
# A case number starts with the submission date (yymmdd); shorter digit runs are searched as text.
CASE_NUMBER_DATE_DIGITS = 6

# Open cases first, by the nearest resolution deadline; cases resolved and waiting
# for the dispatcher's call-back come after them, the longest waiting first (their
# rating window closes soonest).
QUEUE_ORDER = (
    "awaiting_callback",
    F("due_at").asc(nulls_last=True),
    F("respond_by").asc(nulls_last=True),
    "pk",
)
# The same order when no call-back can be listed, in a form the (state, resolve_by) index serves.
DEADLINE_ORDER = (
    F("resolve_by").asc(nulls_last=True),
    F("respond_by").asc(nulls_last=True),
    "pk",
)


@dataclass(frozen=True)
class CaseFilters:
    """Narrowing of a list. ``place`` is a township or village code already checked in scope."""

    states: tuple[str, ...] = ()
    category: str = ""
    place: str = ""
    submitted_from: datetime | None = None
    submitted_before: datetime | None = None
    text: str = ""


# --- lists ---------------------------------------------------------------------------------


def within(prefix: str) -> Q:
    """Cases located under a division-code prefix (see :func:`places.codes.code_range`)."""
    return code_range("division", prefix)


def _for_list(cases: QuerySet[Case]) -> QuerySet[Case]:
    awaiting = Switch(
        When(state=State.RESOLVED, then=Value(1)), default=Value(0), output_field=IntegerField()
    )
    due_at = Switch(When(state=State.RESOLVED, then=F("resolved_at")), default=F("resolve_by"))
    return (
        cases.select_related("category", "division__parent")
        .defer("description", "answer", "head_hash")
        .annotate(awaiting_callback=awaiting, due_at=due_at)
        .order_by(*QUEUE_ORDER)
    )


def queue_states(user: User) -> tuple[str, ...]:
    """The states that can be in the user's own queue."""
    if user.role == Role.DISPATCHER:
        return (State.SUBMITTED, State.RESOLVED)
    if user.role == Role.LEADER:
        return (State.SUBMITTED,)
    return (State.DISPATCHED, State.ACCEPTED)


def flagged_to_leaders(user: User) -> QuerySet[Case]:
    """Requests in the user's area still waiting for dispatch after the sweep flagged them
    to the county's leaders (their response deadline at the dispatch centre passed)."""
    flagged = CaseEvent.objects.filter(
        case_id=OuterRef("pk"), kind=EventKind.FLAG, at__gte=OuterRef("owner_since")
    )
    waiting = visible_cases(user).filter(within(user.jurisdiction), state=State.SUBMITTED)
    return waiting.filter(Exists(flagged))


def queue_cases(user: User) -> QuerySet[Case]:
    """Open cases the user's unit owns; for dispatchers also those awaiting a call-back;
    for leaders the requests flagged to them as waiting too long for dispatch."""
    if user.role == Role.LEADER and user.unit_id is not None:
        return _for_list(flagged_to_leaders(user))
    if user.unit_id is None or user.role not in STAFF_ROLES:
        return Case.objects.none()
    mine = Q(owner_id=user.unit_id, state__in=OPEN_STATES)
    if user.role == Role.DISPATCHER:
        mine |= Q(state=State.RESOLVED) & within(user.jurisdiction)
    return _for_list(visible_cases(user).filter(mine))


def area_cases(user: User) -> QuerySet[Case]:
    """Visible cases another unit owns: the villages a township supervises, a department's remit."""
    # Requests held as likely spam are the dispatchers' to review, not the area's to supervise.
    cases = visible_cases(user).exclude(state=State.QUARANTINED)
    if user.unit_id is not None:
        cases = cases.exclude(owner_id=user.unit_id)
    if len(user.jurisdiction) > COUNTY_CODE_LENGTH:
        # Beyond their own unit a user sees only inside their jurisdiction; saying so lets the
        # database start from those places. A whole county narrows nothing, so it is left out.
        cases = cases.filter(within(user.jurisdiction))
    return _for_list(cases)


def search_cases(cases: QuerySet[Case], text: str) -> QuerySet[Case]:
    """Cases whose number starts with ``text`` if it is all digits, else full-text, best first.

    Full-text search (``cases.search``) matches every word of the query in the
    title, description, address and place names, in simplified or traditional
    characters alike.
    """
    text = text.strip()[: search.MAX_QUERY_LENGTH]
    if not text:
        return cases
    if text.isdigit() and len(text) >= CASE_NUMBER_DATE_DIGITS:
        return cases.filter(number__startswith=text)
    return search.search_cases(cases, text)


def filter_cases(cases: QuerySet[Case], filters: CaseFilters) -> QuerySet[Case]:
    if filters.states:
        cases = cases.filter(state__in=filters.states)
        if State.RESOLVED not in filters.states:
            cases = cases.order_by(*DEADLINE_ORDER)
    if filters.category:
        cases = cases.filter(category_id=filters.category)
    if filters.place:
        cases = cases.filter(within(filters.place))
    if filters.submitted_from is not None:
        cases = cases.filter(submitted_at__gte=filters.submitted_from)
    if filters.submitted_before is not None:
        cases = cases.filter(submitted_at__lt=filters.submitted_before)
    return search_cases(cases, filters.text)


# --- one case ------------------------------------------------------------------------------


def case_detail(user: User, number: str) -> Case:
    """One visible case with what its page shows, or NotAllowed (also when it does not exist)."""
    case = (
        visible_cases(user)
        .filter(number=number)
        .select_related(
            "category__time_limit", "owner", "division__parent", "resident", "merged_into"
        )
        .first()
    )
    if case is None:
        raise NotAllowed(_("No case %(ref)s in your jurisdiction.") % {"ref": number})
    return case


def case_timeline(case: Case) -> list[CaseEvent]:
    """Every event of a case fetched by :func:`case_detail`, internal notes included."""
    return list(
        CaseEvent.objects.filter(case_id=case.pk)
        .select_related("actor__unit", "unit")
        .order_by("seq")
    )


# --- what the user may do now --------------------------------------------------------------


def _owns(user: User, case: Case) -> bool:
    return user.role in STAFF_ROLES and user.unit_id is not None and user.unit_id == case.owner_id


def available_actions(user: User, case: Case) -> list[str]:
    """The actions the user can take on the case now (the rule book's answer, in page order).

    ``case`` must come from a scoped selector (the user can see it).
    """
    return rules.available(user, case)


def can_reveal(user: User, case: Case) -> bool:
    """Only the unit that owns the case now may see the resident's contact in clear."""
    return case.resident_id is not None and _owns(user, case)


# --- places and units in the user's jurisdiction -----------------------------------------


def jurisdiction_townships(user: User) -> QuerySet[Division]:
    """Townships inside the jurisdiction, or the one a village user's jurisdiction sits in."""
    scope = user.jurisdiction
    condition = Q(code__startswith=scope)
    if len(scope) > 9:
        condition |= Q(code=scope[:9])
    return Division.objects.filter(condition, level=Level.TOWNSHIP).order_by("code")


def jurisdiction_villages(user: User, township: str = "") -> QuerySet[Division]:
    """Villages inside the jurisdiction, optionally only those of one township."""
    scope = user.jurisdiction
    prefix = scope
    if township:
        if not (township.startswith(scope) or scope.startswith(township)):
            return Division.objects.none()
        prefix = max(scope, township, key=len)
    return Division.objects.filter(level=Level.VILLAGE, code__startswith=prefix).order_by("code")


def place_in_jurisdiction(user: User, code: str, level: str) -> Division | None:
    """The division ``code`` at ``level`` if the user's lists may be narrowed to it."""
    places = jurisdiction_townships(user) if level == Level.TOWNSHIP else None
    if level == Level.VILLAGE:
        places = jurisdiction_villages(user)
    return None if places is None else places.filter(code=code).first()


def dispatch_targets(user: User) -> QuerySet[Unit]:
    """Units of the dispatcher's county that can own cases (for overriding the catalogue)."""
    if user.role != Role.DISPATCHER or user.unit_id is None:
        return Unit.objects.none()
    return (
        Unit.objects.filter(division__code__startswith=user.jurisdiction[:6], active=True)
        .exclude(kind=UnitKind.DISPATCH)
        .order_by("division_id", "kind", "name")
    )
