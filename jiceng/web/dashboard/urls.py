from django.urls import path

from jiceng.web.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
]
