from django.urls import path

from jiceng.web.portal import board, follow, link, rating, submit, texts, villages

app_name = "portal"
urlpatterns = [
    path("", submit.home, name="home"),
    path("submit/", submit.submit, name="submit"),
    path("submit/done/<str:number>/", submit.submitted, name="submitted"),
    path("places/villages/", villages.villages, name="villages"),
    path("follow/", follow.follow, name="follow"),
    path("follow/rate/", rating.rate, name="rate"),
    path("follow/texts/", texts.sms, name="sms"),
    path("r/<str:token>/", link.link, name="link"),
    path("board/", board.board, name="board"),
]
