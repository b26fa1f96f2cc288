from django.contrib import admin
from django.urls import include, path

from jiceng.api.health import healthz, readyz
from jiceng.web.login_forms import ThrottledAdminAuthenticationForm

admin.site.site_header = "基层 Jiceng"
admin.site.site_title = "Jiceng"
# The admin shares the staff login's limits on failed attempts.
admin.site.login_form = ThrottledAdminAuthenticationForm

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("jiceng.api.urls")),
    path("open311/", include("jiceng.api.open311.urls")),
    path("notices/", include("jiceng.notices.urls")),
    path("onboarding/", include("jiceng.onboarding.urls")),
    path("", include("jiceng.knowledge.urls")),
    path("", include("jiceng.campaigns.urls")),
    path("", include("jiceng.web.urls")),
]

handler400 = "jiceng.core.error_views.bad_request"
handler403 = "jiceng.core.error_views.forbidden"
handler404 = "jiceng.core.error_views.not_found"
handler500 = "jiceng.core.error_views.server_error"
