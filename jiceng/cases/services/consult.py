"""A consultation (咨询): answered on the spot and closed at once."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.cases import history, permissions
from jiceng.cases.models import Case, Category, Channel, EventKind, Kind, State, Urgency
from jiceng.cases.services.cleaning import MAX_DESCRIPTION, clean_text
from jiceng.cases.services.prepare import insert_case, number_for, prepare_case
from jiceng.core.errors import NotAllowed
from jiceng.people.models import Role, User


def case_consult(
    *,
    category: Category,
    question: str,
    answer: str,
    division_code: str,
    contact_phone: str,
    by: User,
    contact_name: str = "",
) -> Case:
    """A consultation (咨询) answered on the spot by a dispatcher and closed at once."""
    permissions.require_role(by, frozenset({Role.DISPATCHER}))
    answer = clean_text(answer, "answer", max_length=MAX_DESCRIPTION)
    case = prepare_case(
        kind=Kind.CONSULTATION,
        category=category,
        title="",
        description=question,
        division_code=division_code,
        address="",
        contact_name=contact_name,
        contact_phone=contact_phone,
        channel=Channel.PHONE,
        urgency=Urgency.NORMAL,
    )
    if not case.division_id.startswith(by.jurisdiction):
        raise NotAllowed(_("This location is outside your jurisdiction."))
    with transaction.atomic():
        insert_case(case)
        at = case.submitted_at
        history.append(
            case,
            kind=EventKind.SUBMIT,
            at=at,
            by=by,
            to_state=State.SUBMITTED,
            unit_id=case.owner_id,
            changes={"number": number_for(case)},
        )
        history.append(
            case,
            kind=EventKind.ANSWER,
            at=at,
            by=by,
            to_state=State.CLOSED,
            unit_id=case.owner_id,
            note=answer,
            changes={"answer": answer, "resolved_at": at, "closed_at": at},
        )
    return case
