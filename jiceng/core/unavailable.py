"""Whether an error is the database's, and the 503 that answers it in the client's own format."""

from __future__ import annotations

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.core.surfaces import error_response, in_request_language


def database_unavailable(exc: BaseException | None) -> bool:
    """Lost or refused connections, timeouts, locks and serialisation failures: the request
    itself was fine and may be sent again."""
    return isinstance(exc, OperationalError | InterfaceError)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    with in_request_language(request):
        message = _(
            "The service cannot reach its database just now. "
            "Please try again in a minute, or call the 12345 hotline."
        )
        return error_response(request, 503, code="unavailable", message=message)
