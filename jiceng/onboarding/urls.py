from django.urls import path

from jiceng.onboarding import downloads, views

app_name = "onboarding"
urlpatterns = [
    path("", views.county_page, name="county"),
    path("template.xlsx", downloads.template_download, name="template"),
    path("county.xlsx", downloads.export_download, name="export"),
]
