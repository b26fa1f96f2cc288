"""The middleware that holds back a session without its second factor at the code pages."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.http import urlencode
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiceng.web.twofactor.gate import held_back


class SecondFactorMiddleware:
    """Sends an administrator or leader without a verified session to the code pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if held_back(request):
            page = "two_factor_verify"
            if not TOTPDevice.objects.filter(user=request.user, confirmed=True).exists():
                page = "two_factor_enrol"
            return HttpResponseRedirect(
                f"{reverse(page)}?{urlencode({'next': request.get_full_path()})}"
            )
        return self.get_response(request)
