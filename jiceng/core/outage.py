"""A database that cannot be reached is answered with 503 and ``Retry-After``, not 500.

Django opens a connection per request (or reuses one kept for ``CONN_MAX_AGE``) and,
after an error, checks it and drops it at the end of the request; nothing of ours
keeps a connection or per-connection state beyond it (prepared statements live and
die with psycopg's connection). So the service recovers by itself when the database
comes back, and until then each client is told, in its own format, to try again.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils.log import log_response

from jiceng.core.unavailable import database_unavailable, unavailable_response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not database_unavailable(exc):
            return None
        response = unavailable_response(request)
        # One line, without a traceback: during an outage every request fails the same way.
        log_response(
            "Database unavailable (%s): %s",
            type(exc).__name__,
            request.path,
            response=response,
            request=request,
        )
        return response
