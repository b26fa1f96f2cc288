"""Log in and out. Login is rate-limited per address and per user name."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext as _

from jiceng.core import throttle

ATTEMPTS = 5  # per user name and per address, in each window
WINDOW_SECONDS = 300


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", "unknown"))


class ThrottledAuthenticationForm(AuthenticationForm):
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


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass
