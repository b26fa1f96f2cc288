from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "基层 Jiceng"
admin.site.site_title = "Jiceng"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/v1/", include("jiceng.api.urls")),
    path("open311/", include("jiceng.api.open311.urls")),
    path("", include("jiceng.web.urls")),
]
