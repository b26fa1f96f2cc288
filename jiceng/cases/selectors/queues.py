"""The workbench's lists: the user's own queue, and the cases of their area."""

from __future__ import annotations

from django.db.models import Case as Switch
from django.db.models import Exists, F, IntegerField, OuterRef, Q, QuerySet, Value, When

from jiceng.cases.models import OPEN_STATES, Case, CaseEvent, EventKind, State
from jiceng.cases.permissions import STAFF_ROLES, visible_cases, visible_in
from jiceng.cases.selectors.filters import within
from jiceng.people.models import Role, User

# Open cases first, by the nearest resolution deadline; cases resolved and waiting
# for the dispatcher's call-back come after them, the longest waiting first (their
# rating window closes soonest).
QUEUE_ORDER = (
    "awaiting_callback",
    F("due_at").asc(nulls_last=True),
    F("respond_by").asc(nulls_last=True),
    "pk",
)


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
    # Beyond their own unit a user sees only inside their jurisdiction; saying so as a range
    # lets the database start from the open cases of those places (``case_open_in_place``),
    # or read them in deadline order (``case_open_due``), not every place's open cases.
    cases = visible_in(user, user.jurisdiction)
    # Requests held as likely spam are the dispatchers' to review, not the area's to supervise.
    cases = cases.exclude(state=State.QUARANTINED)
    if user.unit_id is not None:
        cases = cases.exclude(owner_id=user.unit_id)
    return _for_list(cases)
