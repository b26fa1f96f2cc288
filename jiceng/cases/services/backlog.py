"""旧账: an unresolved case from before Jiceng enters with its original date."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases import history
from jiceng.cases.models import Case, Category, Channel, EventKind, Kind, State, Urgency
from jiceng.cases.services.prepare import insert_case, number_for, prepare_case
from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import Role, User


def case_import(
    *,
    category: Category,
    description: str,
    division_code: str,
    contact_phone: str,
    submitted_at: datetime,
    by: User,
    title: str = "",
    address: str = "",
    contact_name: str = "",
    original_number: str = "",
) -> Case:
    """An unresolved case from before Jiceng (旧账) enters with its original date.

    The case keeps ``submitted_at`` (its age counts from it); its history starts at the
    import: the submit event is dated now, marked imported, with the original date and
    number in its data, so the hash chain covers the case from the moment it came in.
    It then waits for dispatch like any request.
    """
    if by.role not in (Role.DISPATCHER, Role.TOWNSHIP_STAFF) or not division_code.startswith(
        by.jurisdiction
    ):
        raise NotAllowed(_("Only dispatchers and township staff import old cases of their area."))
    if submitted_at > clock.now():
        raise InvalidInput(_("The original date must not be in the future."), field="submitted_at")
    case = prepare_case(
        kind=Kind.REQUEST,
        category=category,
        title=title,
        description=description,
        division_code=division_code,
        address=address,
        contact_name=contact_name,
        contact_phone=contact_phone,
        channel=Channel.IN_PERSON,
        urgency=Urgency.NORMAL,
    )
    case.submitted_at = submitted_at
    imported = {"imported": True, "original_submitted_at": submitted_at.isoformat()}
    with transaction.atomic():
        insert_case(case)
        history.append(
            case,
            kind=EventKind.SUBMIT,
            at=clock.now(),
            by=by,
            to_state=State.SUBMITTED,
            unit_id=case.owner_id,
            respond_by=case.respond_by,
            data={"channel": case.channel, **imported, "original_number": original_number[:40]},
            changes={"number": number_for(case)},
        )
    return case
