"""The requests collection: GET lists requests, POST creates one."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods

from jiceng.api.open311.views.common import open311
from jiceng.api.open311.views.creation import create_request
from jiceng.api.open311.views.reading import list_requests


@require_http_methods(["GET", "POST"])
@open311
def requests(request: HttpRequest, *, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return create_request(request, fmt)
    return list_requests(request, fmt)
