"""Log in and out. Login is rate-limited per address and per user name (``login_forms``)."""

from __future__ import annotations

from django.contrib.auth import views as auth_views

from jiceng.web.landing import landing_url
from jiceng.web.login_forms import ThrottledAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "web/login.html"
    authentication_form = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self) -> str:
        return landing_url(self.request)


class LogoutView(auth_views.LogoutView):
    pass
