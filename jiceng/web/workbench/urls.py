from django.urls import path

from jiceng.web.workbench import actions, desk, views

app_name = "workbench"
urlpatterns = [
    path("", views.queue, name="home"),
    path("cases/<str:number>/", views.case_page, name="case"),
    path("cases/<str:number>/reveal/", views.reveal, name="reveal"),
    path("cases/<str:number>/<slug:action>/", actions.act, name="act"),
    path("desk/", desk.desk, name="desk"),
    path("desk/proposal/", desk.proposal, name="proposal"),
    path("places/villages/", views.villages, name="villages"),
]
