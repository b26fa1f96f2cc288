"""GeoReport v2 discovery: where this county's endpoint is, and what it speaks."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.api.open311.render import respond
from jiceng.api.open311.views.common import open311

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
