"""Log in and out. Login is rate-limited per address and per user name.

The admin's login form shares the same counters, so guessing a password there instead
of on the staff login gains nothing.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from jiceng.core import throttle
from jiceng.core.proxy import client_address
from jiceng.people.models import Role

ATTEMPTS = 5  # per user name and per address, in each window
WINDOW_SECONDS = 300


class LoginThrottle(AuthenticationForm):
    """Refuses a login once its address or user name has used up its failed attempts."""

    def clean(self) -> dict[str, Any]:
        username = (self.data.get("username") or "").strip().lower()[:150]
        keys = [f"login:ip:{client_address(self.request)}", f"login:user:{username}"]  # type: ignore[arg-type]
        if any(throttle.blocked(k, limit=ATTEMPTS, seconds=WINDOW_SECONDS) for k in keys):
            raise forms.ValidationError(
                _("Too many failed attempts. Wait five minutes and try again."), code="throttled"
            )
        try:
            return super().clean()
        except forms.ValidationError:
            for key in keys:
                throttle.hit(key, limit=ATTEMPTS, seconds=WINDOW_SECONDS)
            raise


class ThrottledAuthenticationForm(LoginThrottle):
    pass


class ThrottledAdminAuthenticationForm(LoginThrottle, AdminAuthenticationForm):
    pass


# Where each role starts its day when the login has no "next" page.
LANDING: dict[str, str] = {
    Role.LEADER: "dashboard:home",
    Role.ADMIN: "dashboard:home",
    Role.RESIDENT: "portal:home",
}


def landing_url(request: HttpRequest) -> str:
    """The page a role lands on; a resident is told that the portal needs no login."""
    role = getattr(request.user, "role", "")
    if role == Role.RESIDENT:
        messages.info(
            request,
            _(
                "Residents do not need to log in: report a problem, follow it and rate the "
                "result here with your case number and phone."
            ),
        )
    return reverse(LANDING.get(role, "workbench:home"))


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request)


class LogoutView(auth_views.LogoutView):
    pass
