"""The service list and one service's definition (discovery is beside them)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from jiceng.api.open311.categories import definition, service
from jiceng.api.open311.render import respond
from jiceng.api.open311.views.common import category_of, county_of, open311
from jiceng.cases.models import Category


@require_http_methods(["GET"])
@open311
def service_list(request: HttpRequest, *, fmt: str) -> HttpResponse:
    county_of(request)
    categories = Category.objects.filter(active=True).select_related("time_limit")
    return respond(fmt, "services", [service(category) for category in categories])


@require_http_methods(["GET"])
@open311
def service_definition(request: HttpRequest, code: str, *, fmt: str) -> HttpResponse:
    county_of(request)
    return respond(fmt, "service_definition", definition(category_of(code)))
