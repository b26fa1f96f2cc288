"""A visit's finding entered as a case, with the household's contact carried over."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases.models import Case, Category, Channel
from jiceng.cases.services import case_submit
from jiceng.core.errors import InvalidInput
from jiceng.fieldwork.services.household_contact import Contact, household_contact
from jiceng.people.models import Household, User


def case_from_visit(
    *,
    by: User,
    category: Category,
    finding: str,
    village_code: str,
    address: str,
    household: Household | None,
    contact_phone: str,
    urgency: str,
) -> tuple[Case, bool]:
    contact = household_contact(household) if household else Contact("", "")
    phone = contact.phone or (contact_phone or "").strip()
    if not phone:
        raise InvalidInput(
            _("Nobody in this household has a phone on file: give a contact phone for the case."),
            field="contact_phone",
        )
    try:
        case = case_submit(
            category=category,
            description=finding,
            division_code=village_code,
            address=address,
            contact_name=contact.name,
            contact_phone=phone,
            channel=Channel.IN_PERSON,
            urgency=urgency,
            by=by,
        )
    except InvalidInput as error:
        if error.field == "phone":
            error.field = "contact_phone"
        raise
    return case, bool(contact.phone)
