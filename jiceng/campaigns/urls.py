from django.urls import path

from jiceng.campaigns import views

app_name = "campaigns"
urlpatterns = [
    path("workbench/root-causes/", views.root_causes, name="root_causes"),
]
