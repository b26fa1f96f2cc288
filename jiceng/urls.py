from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "基层 Jiceng"
admin.site.site_title = "Jiceng"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("jiceng.web.urls")),
]
