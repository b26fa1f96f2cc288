from django.contrib import admin
from django.urls import include, path

from jiceng.api.health import healthz

admin.site.site_header = "基层 Jiceng"
admin.site.site_title = "Jiceng"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("jiceng.api.urls")),
    path("open311/", include("jiceng.api.open311.urls")),
    path("", include("jiceng.web.urls")),
]
