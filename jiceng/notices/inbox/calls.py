"""Residents to call: those a failed SMS could not reach, for the dispatchers of their area."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jiceng.cases.permissions import is_admin
from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.notices.models import Channel, Message, Status
from jiceng.people.models import Role, User
from jiceng.places.codes import code_range


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
