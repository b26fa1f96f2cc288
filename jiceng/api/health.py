"""``GET /healthz`` (liveness) and ``GET /readyz`` (readiness), for load balancers.

``/healthz`` answers from the Django process alone, without touching the database, so
a slow database does not get healthy app servers restarted; it is also the bare-view
ceiling the API benchmarks compare with (bench/api/README.md).

``/readyz`` says whether this server can do its work now: the database answers a
query, every migration of this code is applied, and the task queue is being worked
(no task has waited past ``JICENG_READY_TASK_MINUTES``). It answers 503 naming what
failed, so a balancer stops sending traffic until it passes again.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_http_methods

from jiceng.api.readiness import check_results


@require_http_methods(["GET", "HEAD"])
def healthz(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(b"ok\n", content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "HEAD"])
def readyz(request: HttpRequest) -> HttpResponse:
    checks = check_results()
    ready = all(result == "ok" for result in checks.values())
    response = JsonResponse({"ready": ready, "checks": checks}, status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response
