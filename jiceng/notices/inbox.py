"""The outbox as staff see it: their unit's inbox, a case's messages, residents to call.

Reads take the acting user and return rows already scoped to them; the few writes
(marking inbox messages read, a resident called back, one's own contact settings) are
keyword-only functions that validate and save only what changes.

*Unread* is an in-app message of the unit delivered in the last :data:`UNREAD_DAYS`
days that this staff member has not read: older ones no longer count, so a unit's
inbox never shows hundreds of stale notices to a new member of staff.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import BooleanField, Exists, OuterRef, QuerySet, Value, When
from django.db.models import Case as Switch
from django.utils.translation import gettext as _

from jiceng.cases.permissions import is_admin
from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.notices.models import Channel, Message, MessageRead, StaffContact, Status
from jiceng.notices.outbox.policy import MOBILE
from jiceng.people.models import Role, User
from jiceng.places.codes import code_range

UNREAD_DAYS = 30


# --- the unit's inbox ------------------------------------------------------------------------


def has_inbox(user: User) -> bool:
    """Members of a unit (staff and leaders) read its inbox; residents and users without a
    unit (administrators) have none."""
    return user.is_authenticated and user.unit_id is not None and user.role != Role.RESIDENT


def unread_since(now: datetime) -> datetime:
    return now - timedelta(days=UNREAD_DAYS)


def _delivered_to(unit_id: int) -> QuerySet[Message]:
    return Message.objects.filter(unit_id=unit_id, channel=Channel.INAPP, status=Status.DELIVERED)


def _read_by(user: User) -> Exists:
    return Exists(MessageRead.objects.filter(message_id=OuterRef("pk"), user_id=user.pk))


def _unread(user: User) -> QuerySet[Message]:
    assert user.unit_id is not None
    since = unread_since(clock.now())
    return _delivered_to(user.unit_id).filter(~_read_by(user), delivered_at__gte=since)


def inbox_messages(user: User) -> QuerySet[Message]:
    """The delivered in-app messages of the user's unit, newest first, each with ``unread``."""
    if not has_inbox(user):
        return Message.objects.none()
    assert user.unit_id is not None
    since = unread_since(clock.now())
    unread = Switch(
        When(~_read_by(user), delivered_at__gte=since, then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return (
        _delivered_to(user.unit_id)
        .select_related("case")
        .only("template", "params", "urgent", "delivered_at", "case", "case__number")
        .annotate(unread=unread)
        .order_by("-delivered_at", "-pk")
    )


def unread_count(user: User) -> int:
    """How many messages of the user's unit inbox they have not read (one query; none if
    they have no inbox)."""
    if not has_inbox(user):
        return 0
    return _unread(user).count()


def inbox_message(user: User, pk: int) -> Message:
    """One message of the user's unit inbox, or NotAllowed (also for another unit's)."""
    message = inbox_messages(user).filter(pk=pk).first()
    if message is None:
        raise NotAllowed(_("No such message in your inbox."))
    return message


def message_read(*, message: Message, by: User) -> None:
    """``by`` has read ``message`` (from :func:`inbox_message`); reading twice keeps the first."""
    MessageRead.objects.bulk_create(
        [MessageRead(message=message, user=by, at=clock.now())], ignore_conflicts=True
    )


def inbox_read_all(*, by: User, seen_at: datetime) -> int:
    """Mark read every unread message ``by`` could see when their inbox showed at ``seen_at``
    (a message arriving afterwards stays unread). How many were marked."""
    if not has_inbox(by):
        return 0
    ids = list(_unread(by).filter(delivered_at__lte=seen_at).values_list("pk", flat=True))
    at = clock.now()
    MessageRead.objects.bulk_create(
        [MessageRead(message_id=pk, user=by, at=at) for pk in ids],
        ignore_conflicts=True,
        batch_size=500,
    )
    return len(ids)


# --- a case's messages --------------------------------------------------------------------


def case_messages(case_id: int) -> list[Message]:
    """Every message about a case, oldest first, with its recipient's masked phone or name.

    The caller has checked that the user may see the case. The resident's phone is read
    only as its masked copy; the encrypted fields are never loaded.
    """
    return list(
        Message.objects.filter(case_id=case_id)
        .select_related("resident", "user", "unit")
        .only(
            "channel",
            "template",
            "params",
            "status",
            "created_at",
            "not_before",
            "attempts",
            "sent_at",
            "delivered_at",
            "error",
            "called_at",
            "resident",
            "user",
            "unit",
            "resident__phone_masked",
            "user__username",
            "user__first_name",
            "user__last_name",
            "unit__name",
        )
        .order_by("created_at", "pk")
    )


# --- residents to call -------------------------------------------------------------------


def may_call(user: User) -> bool:
    return user.role == Role.DISPATCHER or is_admin(user)


def _failed_sms(user: User) -> QuerySet[Message]:
    """SMS to residents that failed, for cases in the user's jurisdiction."""
    if not may_call(user):
        return Message.objects.none()
    return Message.objects.filter(
        code_range("case__division", user.jurisdiction),
        channel=Channel.SMS,
        resident__isnull=False,
        case__isnull=False,
        status=Status.FAILED,
    )


def calls_to_make(user: User) -> QuerySet[Message]:
    """Residents a failed SMS could not reach and nobody has called yet, oldest first."""
    return (
        _failed_sms(user)
        .filter(called_at__isnull=True)
        .select_related("case", "resident")
        .only(
            "template",
            "params",
            "error",
            "created_at",
            "attempts",
            "case",
            "resident",
            "case__number",
            "resident__phone_masked",
        )
        .order_by("created_at", "pk")
    )


def call_to_make(user: User, pk: int) -> Message:
    """One row of the user's call list, or NotAllowed (also outside their jurisdiction)."""
    message = calls_to_make(user).filter(pk=pk).first()
    if message is None:
        raise NotAllowed(_("No such resident to call in your area."))
    return message


def message_called(*, message: Message, by: User) -> bool:
    """``by`` called the resident the SMS could not reach; False if someone already had."""
    return bool(
        Message.objects.filter(pk=message.pk, called_at__isnull=True).update(
            called_at=clock.now(), called_by=by
        )
    )


# --- how a member of staff hears of their inbox -------------------------------------------


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
