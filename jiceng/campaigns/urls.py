from django.urls import path

from jiceng.campaigns import backlog_pages, hotissue_pages, pages, public, summons_pages, views

app_name = "campaigns"
urlpatterns = [
    path("workbench/root-causes/", views.root_causes, name="root_causes"),
    path("workbench/campaigns/", pages.campaign_list, name="list"),
    path("workbench/campaigns/<int:pk>/", pages.detail, name="detail"),
    path("workbench/campaigns/<int:pk>/link/", pages.link, name="link"),
    path("workbench/campaigns/<int:pk>/close/", pages.close, name="close"),
    path("workbench/campaigns/backlog.xlsx", backlog_pages.template, name="backlog_template"),
    path("workbench/campaigns/<int:pk>/import/", backlog_pages.import_file, name="import"),
    path(
        "workbench/campaigns/from-hot-issue/<int:pk>/",
        hotissue_pages.adopt,
        name="adopt_hot_issue",
    ),
    path("workbench/summons/", summons_pages.unit_list, name="summonses"),
    path("workbench/summons/<int:pk>/<slug:action>/", summons_pages.answer, name="summons_answer"),
    path("workbench/summons/cases/<str:number>/", summons_pages.case_panel, name="case_summons"),
    path("campaigns/", public.public_list, name="public_list"),
    path("campaigns/<int:pk>/", public.public_detail, name="public_detail"),
]
