"""A resident's request enters the system (受理), or stays in its village (小事不出村)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases import history, permissions, rules
from jiceng.cases.intake.spam import spam_verdict
from jiceng.cases.models import Case, CaseEvent, Category, EventKind, Kind, State, Urgency
from jiceng.cases.services.clocks import new_owner
from jiceng.cases.services.prepare import insert_case, number_for, prepare_case
from jiceng.cases.services.quarantine import quarantine
from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.people.models import Role, User


def case_submit(
    *,
    category: Category,
    description: str,
    division_code: str,
    contact_phone: str,
    channel: str,
    title: str = "",
    address: str = "",
    contact_name: str = "",
    urgency: str = Urgency.NORMAL,
    by: User | None = None,
) -> Case:
    """A resident's request enters the system and waits for dispatch.

    Text from the public channels that the spam check flags is held in quarantine
    instead, with the check's reasons, until a dispatcher releases or confirms it.
    """
    if by is not None and by.role not in permissions.STAFF_ROLES | {Role.RESIDENT}:
        raise NotAllowed(_("Your role cannot take requests."))
    if (
        by is not None
        and by.role != Role.RESIDENT
        and not division_code.startswith(by.jurisdiction)
    ):
        raise NotAllowed(_("This location is outside your jurisdiction."))
    verdict = spam_verdict(channel=channel, title=title, description=description)
    case = prepare_case(
        kind=Kind.REQUEST,
        category=category,
        title=title,
        description=description,
        division_code=division_code,
        address=address,
        contact_name=contact_name,
        contact_phone=contact_phone,
        channel=channel,
        urgency=urgency,
    )
    held = verdict is not None and verdict.spam
    with transaction.atomic():
        insert_case(case)
        history.append(
            case,
            kind=EventKind.SUBMIT,
            at=case.submitted_at,
            by=by,
            to_state=State.SUBMITTED,
            unit_id=case.owner_id,
            # The dispatch centre's clock: a request waiting for dispatch is never unseen.
            respond_by=None if held else case.respond_by,
            data={"channel": channel},
            changes={"number": number_for(case)},
        )
        if held:
            assert verdict is not None
            quarantine(case, score=verdict.score, reasons=verdict.reasons)
        elif by is not None and rules.permits(by, case, rules.KEEP_LOCAL):
            keep_local(case, by)
    return case


def keep_local(case: Case, by: User) -> CaseEvent:
    """小事不出村: the village that the catalogue makes responsible owns the case at once.

    The dispatch centre sees it in its county but has nothing to do; the village's clock
    starts now, as if the centre had dispatched it there.
    """
    rules.require(rules.KEEP_LOCAL, case=case, by=by)
    at = clock.now()
    changes = new_owner(case, by.unit, at)  # type: ignore[arg-type]
    event = history.append(
        case,
        kind=EventKind.DISPATCH,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit_id=by.unit_id,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        data={"proposed": True, "local": True},
        changes=changes,
    )
    case.owner = by.unit  # type: ignore[assignment]
    return event
