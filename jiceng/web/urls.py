from django.urls import include, path

from jiceng.web import auth, source
from jiceng.web.twofactor import enrol, verify

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("account/two-factor/", enrol.enrol, name="two_factor_enrol"),
    path("account/two-factor/verify/", verify.verify, name="two_factor_verify"),
    path("source/", source.source, name="source"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("workbench/field/", include("jiceng.web.field.urls")),
    path("workbench/", include("jiceng.web.workbench.urls")),
    path("dashboard/", include("jiceng.web.dashboard.urls")),
    path("", include("jiceng.web.portal.urls")),
]
