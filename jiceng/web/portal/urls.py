from django.urls import path

from jiceng.web.portal import views

app_name = "portal"
urlpatterns = [
    path("", views.home, name="home"),
    path("submit/", views.submit, name="submit"),
    path("submit/done/<str:number>/", views.submitted, name="submitted"),
    path("places/villages/", views.villages, name="villages"),
    path("follow/", views.follow, name="follow"),
    path("follow/rate/", views.rate, name="rate"),
    path("follow/texts/", views.sms, name="sms"),
    path("r/<str:token>/", views.link, name="link"),
    path("board/", views.board, name="board"),
]
