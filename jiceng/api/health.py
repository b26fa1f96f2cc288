"""``GET /healthz``: the liveness check load balancers and process supervisors poll.

It answers from the Django process alone, without touching the database, so a slow
database does not get healthy app servers taken out of rotation; it is also the
bare-view ceiling the API benchmarks compare with (bench/api/README.md).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods


@require_http_methods(["GET", "HEAD"])
def healthz(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response
