from django.urls import re_path

from jiceng.api.open311 import views

FMT = r"\.(?P<fmt>xml|json)$"

urlpatterns = [
    re_path(r"^discovery" + FMT, views.discovery, name="open311-discovery"),
    re_path(r"^v2/services" + FMT, views.service_list, name="open311-services"),
    re_path(
        r"^v2/services?/(?P<code>[\w-]+)" + FMT,
        views.service_definition,
        name="open311-service",
    ),
    re_path(r"^v2/requests" + FMT, views.requests, name="open311-requests"),
    re_path(r"^v2/requests/(?P<number>\w+)" + FMT, views.request_detail, name="open311-request"),
    re_path(r"^v2/tokens/(?P<token>\w+)" + FMT, views.token, name="open311-token"),
]
