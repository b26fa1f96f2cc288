"""The enrolment page: the key to scan, spelled for the app, and signed for the next step."""

from __future__ import annotations

from base64 import b32encode

from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiceng.people.models import User
from jiceng.web.twofactor.fields import next_page

SALT = "jiceng.two-factor.enrol"


def enrol_page(request: HttpRequest, key: str, error: str = "") -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    device = TOTPDevice(user=user, key=key)  # unsaved: only to spell the key for the app
    context = {
        "secret": b32encode(bytes.fromhex(key)).decode(),
        "config_url": device.config_url,
        "signed_key": signing.dumps({"key": key, "user": user.pk}, salt=SALT),
        "next": next_page(request),
        "error": error,
    }
    return render(request, "web/two_factor_enrol.html", context, status=400 if error else 200)
