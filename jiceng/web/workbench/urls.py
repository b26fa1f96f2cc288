from django.urls import path

from jiceng.web.workbench import actions, desk, intake, views

app_name = "workbench"
urlpatterns = [
    path("", views.queue, name="home"),
    path("cases/<str:number>/", views.case_page, name="case"),
    path("cases/<str:number>/reveal/", views.reveal, name="reveal"),
    path("cases/<str:number>/photos/<int:pk>/", views.photo, name="photo"),
    path("cases/<str:number>/intake/", intake.panel, name="intake"),
    path("cases/<str:number>/intake/dispatch/", intake.dispatch, name="intake_dispatch"),
    path("cases/<str:number>/intake/merge/", intake.merge, name="intake_merge"),
    path("cases/<str:number>/<slug:action>/", actions.act, name="act"),
    path("desk/", desk.desk, name="desk"),
    path("desk/proposal/", desk.proposal, name="proposal"),
    path("desk/suggest/", intake.suggest, name="desk_suggest"),
    path("desk/quarantine/", intake.quarantine, name="quarantine"),
    path(
        "desk/quarantine/<str:number>/<slug:action>/",
        intake.quarantine_act,
        name="quarantine_act",
    ),
    path("places/villages/", views.villages, name="villages"),
]
