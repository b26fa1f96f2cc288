"""Administrators and leaders confirm their login with an authenticator code (TOTP).

Codes are computed with django_otp's own TOTP, as an authenticator app would.
"""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from jiceng.people.models import User

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def required(settings):
    settings.JICENG_REQUIRE_2FA = True


def _code(key_hex: str, steps_ahead: int = 0) -> str:
    return f"{TOTP(bytes.fromhex(key_hex), drift=steps_ahead).token():06d}"


def _enrolled(user: User) -> str:
    key = random_hex(20)
    TOTPDevice.objects.create(user=user, name="authenticator", key=key, confirmed=True)
    return key


def _logged_in(user: User) -> Client:
    client = Client()
    client.post("/login/", {"username": user.username, "password": "pw"})
    assert "_auth_user_id" in client.session
    return client


def test_a_leader_without_an_authenticator_is_sent_to_set_one_up(users):
    client = _logged_in(users["leader"])
    response = client.get("/dashboard/")
    assert response.status_code == 302
    assert response["Location"] == "/account/two-factor/?next=%2Fdashboard%2F"


def test_enrolment_with_the_apps_code_keeps_the_key_and_verifies_the_session(users):
    client = _logged_in(users["leader"])
    page = client.get("/account/two-factor/?next=/dashboard/").content.decode()
    secret = re.search(r'<code class="secret">([A-Z2-7]+)</code>', page).group(1)
    signed = re.search(r'name="key" value="([^"]+)"', page).group(1)
    key = b32decode(secret).hex()
    wrong = client.post("/account/two-factor/", {"key": signed, "token": "000000"})
    assert wrong.status_code == 400 and not TOTPDevice.objects.exists()
    done = client.post(
        "/account/two-factor/", {"key": signed, "token": _code(key), "next": "/dashboard/"}
    )
    assert done["Location"] == "/dashboard/"
    device = TOTPDevice.objects.get(user=users["leader"])
    assert device.confirmed and device.key == key
    assert client.get("/dashboard/").status_code == 200


def test_a_key_signed_for_another_user_is_refused(users):
    leader, admin = _logged_in(users["leader"]), _logged_in(users["admin"])
    page = leader.get("/account/two-factor/").content.decode()
    signed = re.search(r'name="key" value="([^"]+)"', page).group(1)
    key = b32decode(re.search(r'class="secret">([A-Z2-7]+)<', page).group(1)).hex()
    refused = admin.post("/account/two-factor/", {"key": signed, "token": _code(key)})
    assert refused.status_code == 400 and not TOTPDevice.objects.exists()


def test_at_each_login_an_enrolled_admin_gives_the_current_code(users, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the wrong code would otherwise delay the right one
    key = _enrolled(users["admin"])
    client = _logged_in(users["admin"])
    held = client.get("/admin/")
    assert held["Location"] == "/account/two-factor/verify/?next=%2Fadmin%2F"
    wrong = client.post("/account/two-factor/verify/", {"token": "123456", "next": "/admin/"})
    assert wrong.status_code == 400 and client.get("/admin/").status_code == 302
    right = client.post("/account/two-factor/verify/", {"token": _code(key), "next": "/admin/"})
    assert right["Location"] == "/admin/" and client.get("/admin/").status_code == 200


def test_a_code_is_accepted_once(users):
    key = _enrolled(users["admin"])
    first, second = _logged_in(users["admin"]), _logged_in(users["admin"])
    assert first.post("/account/two-factor/verify/", {"token": _code(key)}).status_code == 302
    assert second.post("/account/two-factor/verify/", {"token": _code(key)}).status_code == 400


def test_another_users_code_does_not_verify(users):
    _enrolled(users["admin"])
    others_key = _enrolled(users["leader"])
    client = _logged_in(users["admin"])
    refused = client.post("/account/two-factor/verify/", {"token": _code(others_key, 1)})
    assert refused.status_code == 400 and client.get("/admin/").status_code == 302


def test_cadres_are_not_asked_for_a_code(users):
    client = _logged_in(users["cadre"])
    assert client.get("/workbench/").status_code == 200


def test_without_the_requirement_leaders_go_straight_in(users, settings):
    settings.JICENG_REQUIRE_2FA = False
    assert _logged_in(users["leader"]).get("/dashboard/").status_code == 200


def test_the_code_pages_need_a_login(client, db):
    for path in ("/account/two-factor/", "/account/two-factor/verify/"):
        assert client.get(path)["Location"].startswith("/login/")


def test_an_enrolled_user_cannot_replace_the_authenticator_by_enrolling_again(users):
    _enrolled(users["leader"])
    client = _logged_in(users["leader"])
    response = client.get("/account/two-factor/")
    assert response["Location"].startswith("/account/two-factor/verify/")
    assert TOTPDevice.objects.filter(user=users["leader"]).count() == 1


def test_leaving_does_not_need_a_code(users):
    client = _logged_in(users["leader"])
    client.post("/logout/")
    assert "_auth_user_id" not in client.session
