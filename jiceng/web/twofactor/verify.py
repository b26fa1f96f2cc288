"""At every later login: the authenticator app's code alone."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from jiceng.core.errors import JicengError
from jiceng.people.models import User
from jiceng.people.services import second_factor_verify
from jiceng.web.twofactor.fields import next_page, typed_code


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('two_factor_enrol')}?{urlencode({'next': next_page(request)})}")
    error = ""
    if request.method == "POST":
        try:
            device = second_factor_verify(user=user, token=typed_code(request))
        except JicengError as refused:
            error = refused.message
        else:
            otp_login(request, device)
            return redirect(next_page(request))
    context = {"next": next_page(request), "error": error}
    return render(request, "web/two_factor_verify.html", context, status=400 if error else 200)
