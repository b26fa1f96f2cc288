"""Login forms that refuse an address or user name which has used up its failed attempts."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext as _

from jiceng.core import throttle
from jiceng.core.proxy import client_address

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
    """Shares the staff login's counters: guessing a password here instead gains nothing."""
