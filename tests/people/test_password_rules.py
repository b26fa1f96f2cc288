"""Passwords chosen in forms (admin, password change) must be long and not guessable."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

from jiceng.demo.setup import DEMO_PASSWORD
from jiceng.people.models import Role, User


@pytest.mark.parametrize(
    ("password", "code"),
    [
        ("Fq-2026!", "password_too_short"),
        ("password1234", "password_too_common"),
        ("20261204123456", "password_entirely_numeric"),
        ("wangxiaoming-fq", "password_too_similar"),
    ],
)
def test_weak_passwords_are_refused_with_the_reason(password, code):
    user = User(username="wangxiaoming-fq", role=Role.VILLAGE_CADRE)
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user)
    assert code in {error.code for error in refused.value.error_list}


def test_a_long_unusual_password_and_the_demo_password_pass():
    validate_password("枫桥-石桥东侧-路灯-7", User(username="cadre"))
    validate_password(DEMO_PASSWORD, User(username="admin"))
