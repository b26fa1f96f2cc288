from django.urls import path

from jiceng.onboarding import views

app_name = "onboarding"
urlpatterns = [
    path("", views.county_page, name="county"),
    path("template.xlsx", views.template_download, name="template"),
    path("county.xlsx", views.export_download, name="export"),
]
