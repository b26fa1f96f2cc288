from django.urls import path

from jiceng.web.dashboard import exports, views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("rates/", views.rates_explained, name="rates_explained"),
    path("hot-issues/", views.hot_issues, name="hot_issues"),
    path("hot-issues/refresh", views.hot_issues_refresh, name="hot_issues_refresh"),
    path("export/<slug:chart>.xlsx", exports.export_xlsx, name="export_xlsx"),
    path("export/<slug:chart>.csv", exports.export_csv, name="export_csv"),
]
