"""Django's error views (``handler400`` … ``handler500``), answered in each surface's shape.

Without these the APIs answered their clients' mistakes and our failures with
Django's HTML pages, and the web with English ones. A failure that is the
database's (see ``jiceng.core.outage``) is a 503, wherever it was raised.
"""

from __future__ import annotations

import sys

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from jiceng.core.surfaces import error_response, in_request_language
from jiceng.core.unavailable import database_unavailable, unavailable_response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    with in_request_language(request):
        if isinstance(exception, RequestDataTooBig):
            message = _("The request is too large. Send less text, or a smaller file.")
            return error_response(request, 413, code="too_large", message=message)
        message = _("The request could not be read. Check the address and try again.")
        return error_response(request, 400, code="bad_request", message=message)


def forbidden(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    with in_request_language(request):
        message = _("You are not allowed to see this page.")
        return error_response(request, 403, code="forbidden", message=message)


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    with in_request_language(request):
        message = _("There is nothing at this address. Check it, or start from the home page.")
        return error_response(request, 404, code="not_found", message=message)


def server_error(request: HttpRequest) -> HttpResponse:
    # Django calls this inside its ``except`` block: the exception is still the current one.
    if database_unavailable(sys.exc_info()[1]):
        return unavailable_response(request)
    with in_request_language(request):
        message = _("Something went wrong on our side. Please try again later.")
        return error_response(request, 500, code="server_error", message=message)
