from django.urls import path

from jiceng.web.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("export/<slug:chart>.xlsx", views.export_xlsx, name="export_xlsx"),
    path("export/<slug:chart>.csv", views.export_csv, name="export_csv"),
]
