"""A second factor for administrators and leaders: an authenticator app's six-digit code.

With ``JICENG_REQUIRE_2FA`` on, such a user who has logged in with a password reaches
nothing but these pages until the session is verified: first the enrolment (scan the
key, type a code), then, at every later login, the code alone.
"""

from __future__ import annotations

from base64 import b32encode
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from jiceng.core.errors import JicengError
from jiceng.people.models import User
from jiceng.people.services import (
    needs_second_factor,
    second_factor_enrol,
    second_factor_verify,
)

SALT = "jiceng.two-factor.enrol"
ENROL_MAX_AGE = 600  # seconds to scan the key and type the first code
# Reachable before the second factor: these pages, leaving, and what browsers and probes fetch.
OPEN_PREFIXES = ("/account/two-factor/", "/logout/", "/admin/logout/", "/static/", "/i18n/")
OPEN_PATHS = ("/healthz", "/readyz", "/source/")


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _verified(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)())


class SecondFactorMiddleware:
    """Sends an administrator or leader without a verified session to the code pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self._held_back(request):
            page = "two_factor_verify"
            if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
                page = "two_factor_enrol"
            return HttpResponseRedirect(
                f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)

    @staticmethod
    def _held_back(request: HttpRequest) -> bool:
        if not settings.JICENG_REQUIRE_2FA or not request.user.is_authenticated:
            return False
        path = request.path_info
        if path in OPEN_PATHS or path.startswith(OPEN_PREFIXES):
            return False
        return needs_second_factor(request.user) and not _verified(request)  # type: ignore[arg-type]


def _enrol_page(request: HttpRequest, key: str, error: str = "") -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    device = TOTPDevice(user=user, key=key)  # unsaved: only to spell the key for the app
    context = {
        "secret": b32encode(bytes.fromhex(key)).decode(),
        "config_url": device.config_url,
        "signed_key": signing.dumps({"key": key, "user": user.pk}, salt=SALT),
        "next": _next(request),
        "error": error,
    }
    return render(request, "web/two_factor_enrol.html", context, status=400 if error else 200)


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next(request)})}")
    if request.method == "GET":
        return _enrol_page(request, random_hex(20))
    try:
        signed = signing.loads(request.POST.get("key", ""), salt=SALT, max_age=ENROL_MAX_AGE)
    except signing.BadSignature:
        return _enrol_page(request, random_hex(20), _("The setup expired; start again."))
    if signed.get("user") != user.pk:
        return _enrol_page(request, random_hex(20), _("The setup expired; start again."))
    try:
        device = second_factor_enrol(user=user, key=signed["key"], token=_token(request))
    except JicengError as refused:
        return _enrol_page(request, signed["key"], refused.message)
    otp_login(request, device)
    return redirect(_next(request))


def _token(request: HttpRequest) -> str:
    return (request.POST.get("token") or "").replace(" ", "")[:12]


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('two_factor_enrol')}?{urlencode({'next': _next(request)})}")
    error = ""
    if request.method == "POST":
        try:
            device = second_factor_verify(user=user, token=_token(request))
        except JicengError as refused:
            error = refused.message
        else:
            otp_login(request, device)
            return redirect(_next(request))
    context = {"next": _next(request), "error": error}
    return render(request, "web/two_factor_verify.html", context, status=400 if error else 200)
