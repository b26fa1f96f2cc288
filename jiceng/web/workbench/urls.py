from django.urls import path

from jiceng.web.workbench import (
    account,
    actions,
    calls,
    case,
    contact,
    desk,
    inbox,
    inbox_marking,
    intake,
    photos,
    proposals,
    quarantine,
    queue,
    villages,
)

app_name = "workbench"
urlpatterns = [
    path("", queue.queue, name="home"),
    path("inbox/", inbox.inbox_page, name="inbox"),
    path("inbox/read-all/", inbox_marking.read_all, name="inbox_read_all"),
    path("inbox/<int:pk>/open/", inbox_marking.open_message, name="inbox_open"),
    path("account/notices/", account.notice_settings, name="notice_settings"),
    path("cases/<str:number>/", case.case_page, name="case"),
    path("cases/<str:number>/reveal/", contact.reveal, name="reveal"),
    path("cases/<str:number>/photos/<int:pk>/", photos.photo, name="photo"),
    path("cases/<str:number>/intake/", intake.panel, name="intake"),
    path("cases/<str:number>/intake/dispatch/", intake.dispatch, name="intake_dispatch"),
    path("cases/<str:number>/intake/merge/", intake.merge, name="intake_merge"),
    path("cases/<str:number>/<slug:action>/", actions.act, name="act"),
    path("desk/", desk.desk, name="desk"),
    path("desk/calls/", calls.calls, name="calls"),
    path("desk/calls/<int:pk>/reveal/", calls.reveal, name="call_reveal"),
    path("desk/calls/<int:pk>/called/", calls.called, name="call_done"),
    path("desk/proposal/", proposals.proposal, name="proposal"),
    path("desk/suggest/", proposals.suggest, name="desk_suggest"),
    path("desk/quarantine/", quarantine.quarantine, name="quarantine"),
    path(
        "desk/quarantine/<str:number>/<slug:action>/",
        quarantine.quarantine_act,
        name="quarantine_act",
    ),
    path("places/villages/", villages.villages, name="villages"),
]
