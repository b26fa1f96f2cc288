"""The second factor (TOTP) for administrators and leaders."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import Role, User


def needs_second_factor(user: User) -> bool:
    """Administrators and leaders see the whole county: a stolen password must not be enough."""
    return bool(user.is_superuser or user.role in (Role.ADMIN, Role.LEADER))


def second_factor_verify(*, user: User, token: str) -> TOTPDevice:
    """The user's confirmed authenticator if ``token`` is its current code (throttled)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise NotAllowed(_("No authenticator is set up for this account."))
    with transaction.atomic():
        # verify_token counts failures on the device and slows down guessing; the count
        # must commit, so the refusal is raised outside the transaction.
        verified = device.verify_token(token.strip())
    if not verified:
        raise InvalidInput(_("The code is wrong or expired; enter the current one."), field="token")
    return device
