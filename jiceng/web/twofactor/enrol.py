"""Setting up the second factor: scan the key, type the first code."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from jiceng.core.errors import JicengError
from jiceng.people.models import User
from jiceng.people.services import second_factor_enrol
from jiceng.web.twofactor.enrol_page import SALT, enrol_page
from jiceng.web.twofactor.fields import next_page, typed_code

ENROL_MAX_AGE = 600  # seconds to scan the key and type the first code


@login_required
@require_http_methods(["GET", "POST"])
def enrol(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': next_page(request)})}")
    if request.method == "GET":
        return enrol_page(request, random_hex(20))
    try:
        signed = signing.loads(request.POST.get("key", ""), salt=SALT, max_age=ENROL_MAX_AGE)
    except signing.BadSignature:
        return enrol_page(request, random_hex(20), _("The setup expired; start again."))
    if signed.get("user") != user.pk:
        return enrol_page(request, random_hex(20), _("The setup expired; start again."))
    try:
        device = second_factor_enrol(user=user, key=signed["key"], token=typed_code(request))
    except JicengError as refused:
        return enrol_page(request, signed["key"], refused.message)
    otp_login(request, device)
    return redirect(next_page(request))
