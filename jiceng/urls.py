from django.contrib import admin
from django.urls import path

admin.site.site_header = "基层 Jiceng"
admin.site.site_title = "Jiceng"

urlpatterns = [
    path("admin/", admin.site.urls),
]
