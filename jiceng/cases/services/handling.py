"""The owning unit's transitions: accept, return, resolve and reply to the resident."""

from __future__ import annotations

from jiceng.cases import history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.rootcauses import clean as clean_root_cause
from jiceng.cases.services.cleaning import MAX_DESCRIPTION, clean_text
from jiceng.cases.services.clocks import new_owner
from jiceng.core import clock
from jiceng.people.models import User
from jiceng.people.units import dispatch_centre


def case_accept(*, case: Case, by: User) -> CaseEvent:
    """The owner signs for the case (签收) and takes it on."""
    rules.require(rules.ACCEPT, case=case, by=by)
    return history.append(
        case, kind=EventKind.ACCEPT, at=clock.now(), by=by, to_state=State.ACCEPTED, unit=case.owner
    )


def case_return(*, case: Case, by: User, reason: str) -> CaseEvent:
    """Send a misrouted case back to the dispatcher (退单), with the reason."""
    rules.require(rules.RETURN, case=case, by=by)
    reason = clean_text(reason, "reason", max_length=1000)
    at = clock.now()
    centre = dispatch_centre(case.division_id[:6])
    changes = new_owner(case, centre, at)
    event = history.append(
        case,
        kind=EventKind.RETURN,
        at=at,
        by=by,
        to_state=State.SUBMITTED,
        unit=centre,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        note=reason,
        data={"from_unit": case.owner_id},
        changes=changes,
    )
    case.owner = centre
    return event


def case_resolve(
    *, case: Case, by: User, answer: str, root_cause: str = "", root_cause_text: str = ""
) -> CaseEvent:
    """The owner reports the case resolved, with the answer the resident will see.

    The root cause, optional, is kept in the event's data (``cases.rootcauses``).
    """
    rules.require(rules.RESOLVE, case=case, by=by)
    answer = clean_text(answer, "answer", max_length=MAX_DESCRIPTION)
    cause = clean_root_cause(case.category_id, root_cause, root_cause_text)
    at = clock.now()
    return history.append(
        case,
        kind=EventKind.RESOLVE,
        at=at,
        by=by,
        to_state=State.RESOLVED,
        unit=case.owner,
        note=answer,
        data=cause,
        changes={"answer": answer, "resolved_at": at},
    )


MAX_REPLY = 1000


def case_reply(*, case: Case, by: User, reply: str) -> CaseEvent:
    """The owner tells the resident how it is going (阶段性答复) without resolving the case.

    The resident reads the text on their timeline and is texted a link to it; the case's
    state, owner and deadlines stay as they are.
    """
    rules.require(rules.REPLY, case=case, by=by)
    reply = clean_text(reply, "reply", max_length=MAX_REPLY)
    return history.append(
        case,
        kind=EventKind.REPLY,
        at=clock.now(),
        by=by,
        to_state=case.state,
        unit=case.owner,
        note=reply,
    )
