from django.urls import path

from jiceng.knowledge import public, views

app_name = "knowledge"
urlpatterns = [
    path("workbench/knowledge/", views.search_page, name="search"),
    path("workbench/knowledge/documents/<int:pk>/", views.document_page, name="document"),
    path("workbench/knowledge/replies/<int:pk>/", views.reply_page, name="reply"),
    path("workbench/knowledge/desk/", views.desk_answers, name="desk_answers"),
    path("workbench/knowledge/cases/<str:number>/", views.case_answers, name="case_answers"),
    path("workbench/knowledge/cases/<str:number>/approve/", views.approve, name="approve"),
    path("policies/", public.documents, name="public_list"),
    path("policies/<int:pk>/", public.document, name="public_document"),
]
