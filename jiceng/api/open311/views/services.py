"""Discovery, the service list and one service's definition."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.api.open311 import mapping
from jiceng.api.open311.render import respond
from jiceng.api.open311.views.common import category_of, county_of, open311
from jiceng.cases.models import Category

SPEC = "http://wiki.open311.org/GeoReport_v2"


@require_http_methods(["GET"])
@open311
def discovery(request: HttpRequest, *, fmt: str) -> HttpResponse:
    base = request.build_absolute_uri("/open311/v2/")
    return respond(
        fmt,
        "discovery",
        {
            "changeset": "2026-03-01T00:00:00+08:00",
            "contact": _("Your county's 12345 hotline"),
            "key_service": _("Ask the deployment's administrator for an API key."),
            "endpoints": [
                {
                    "specification": SPEC,
                    "url": base,
                    "changeset": "2026-03-01T00:00:00+08:00",
                    "type": "production",
                    "formats": ["text/xml", "application/json"],
                }
            ],
        },
    )


@require_http_methods(["GET"])
@open311
def service_list(request: HttpRequest, *, fmt: str) -> HttpResponse:
    county_of(request)
    categories = Category.objects.filter(active=True).select_related("time_limit")
    return respond(fmt, "services", [mapping.service(category) for category in categories])


@require_http_methods(["GET"])
@open311
def service_definition(request: HttpRequest, code: str, *, fmt: str) -> HttpResponse:
    county_of(request)
    return respond(fmt, "service_definition", mapping.definition(category_of(code)))
