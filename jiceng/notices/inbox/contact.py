"""How a member of staff hears of their inbox: their mobile, email and digest choices."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.notices.models import StaffContact
from jiceng.notices.outbox.policy import MOBILE
from jiceng.people.models import User


def staff_contact(user: User) -> StaffContact | None:
    return StaffContact.objects.filter(user_id=user.pk).first()


def normal_mobile(text: str) -> str:
    """A mobile number as typed ("138 1234-5678", "+86 138…") reduced to its 11 digits."""
    digits = re.sub(r"[\s\-()]", "", text or "")
    return digits.removeprefix("+86").removeprefix("0086")


def staff_contact_set(
    *, user: User, mobile: str, email: str, by_sms: bool, by_email: bool
) -> StaffContact:
    """Save how ``user`` wants digests of their unit's inbox, with their email address."""
    mobile = normal_mobile(mobile)
    email = (email or "").strip()
    if mobile and not MOBILE.match(mobile):
        raise InvalidInput(
            _("Mobile number: enter 11 digits starting with 1, e.g. 13812345678."),
            field="mobile",
        )
    if by_sms and not mobile:
        raise InvalidInput(
            _("Mobile number: needed for the digest by SMS. Enter it or untick the SMS digest."),
            field="mobile",
        )
    if email:
        try:
            validate_email(email)
        except ValidationError:
            raise InvalidInput(
                _("Email address: enter it as name@example.com."), field="email"
            ) from None
    if by_email and not email:
        raise InvalidInput(
            _(
                "Email address: needed for the digest by email. "
                "Enter it or untick the email digest."
            ),
            field="email",
        )
    with transaction.atomic():
        contact = staff_contact(user) or StaffContact(user=user)
        contact.mobile, contact.by_sms, contact.by_email = mobile, by_sms, by_email
        contact.save()
        if user.email != email:
            user.email = email
            user.save(update_fields=["email"])
    return contact
