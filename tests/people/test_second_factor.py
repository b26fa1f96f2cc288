"""second_factor_enrol / second_factor_verify: the authenticator services."""

from __future__ import annotations

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.services import (
    needs_second_factor,
    second_factor_enrol,
    second_factor_verify,
)

pytestmark = pytest.mark.django_db


def _code(key: str, steps_ahead: int = 0) -> str:
    return f"{TOTP(bytes.fromhex(key), drift=steps_ahead).token():06d}"


def test_only_administrators_and_leaders_need_a_second_factor(users):
    assert [name for name, user in users.items() if needs_second_factor(user)] == [
        "leader",
        "admin",
    ]


def test_a_wrong_code_keeps_nothing(users):
    with pytest.raises(InvalidInput) as refused:
        second_factor_enrol(user=users["leader"], key=random_hex(20), token="12345x")
    assert refused.value.field == "token" and not TOTPDevice.objects.exists()


def test_the_code_that_enrolled_cannot_be_replayed(users, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the refused replay would otherwise delay the next
    key = random_hex(20)
    device = second_factor_enrol(user=users["leader"], key=key, token=_code(key))
    assert device.confirmed and device.user == users["leader"]
    with pytest.raises(InvalidInput):
        second_factor_verify(user=users["leader"], token=_code(key))
    assert second_factor_verify(user=users["leader"], token=_code(key, 1)) == device


def test_a_second_enrolment_is_refused(users):
    key = random_hex(20)
    second_factor_enrol(user=users["admin"], key=key, token=_code(key))
    other = random_hex(20)
    with pytest.raises(NotAllowed):
        second_factor_enrol(user=users["admin"], key=other, token=_code(other))
    assert TOTPDevice.objects.get(user=users["admin"]).key == key


def test_after_a_wrong_code_even_the_right_one_waits(users):
    key = random_hex(20)
    TOTPDevice.objects.create(user=users["admin"], name="a", key=key, confirmed=True)
    with pytest.raises(InvalidInput):
        second_factor_verify(user=users["admin"], token="000000")
    with pytest.raises(InvalidInput):
        second_factor_verify(user=users["admin"], token=_code(key))


def test_verifying_without_an_authenticator_is_not_allowed(users):
    with pytest.raises(NotAllowed):
        second_factor_verify(user=users["leader"], token="123456")
