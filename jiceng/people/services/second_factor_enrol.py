"""Setting up a user's authenticator app: its key kept once a code proves the app holds it."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import User


def second_factor_enrol(*, user: User, key: str, token: str) -> TOTPDevice:
    """Keep ``key`` as the user's authenticator once ``token`` proves the app holds it."""
    from django_otp.oath import TOTP

    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise NotAllowed(_("An authenticator is already set up for this account."))
    try:
        totp = TOTP(bytes.fromhex(key))
    except ValueError:
        raise InvalidInput(_("The setup expired; start again."), field="key") from None
    if not token.strip().isdigit() or not totp.verify(int(token), tolerance=1):
        raise InvalidInput(_("The code is wrong or expired; enter the current one."), field="token")
    with transaction.atomic():
        # last_t stops the code just used from being accepted again at the next step.
        return TOTPDevice.objects.create(
            user=user, name="authenticator", key=key, confirmed=True, last_t=totp.t()
        )
