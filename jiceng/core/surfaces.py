"""Which surface a request came in by, and how that surface answers an error.

Jiceng has three: the native API under ``/api/`` (``{"code", "message", "field"}`` JSON,
as ``jiceng.api.native`` answers), Open311 under ``/open311/`` (the spec's error list,
in XML or JSON after the path's suffix) and the web pages. Errors raised before a
view runs (a NUL byte, an oversized body, a database that cannot be reached) are
answered here, so each client gets the shape it parses.

The web page is drawn without the session, the user or the database, so that it
can still be drawn when the database is what failed.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

RETRY_AFTER_SECONDS = 30
JSON_TYPE = "application/json; charset=utf-8"  # as ninja answers


class Surface(StrEnum):
    API = "api"
    OPEN311_JSON = "open311-json"
    OPEN311_XML = "open311-xml"
    WEB = "web"


# How each API surface words an error: (status, code, message, field) → response. The api
# app registers its own when it starts (jiceng.api.apps), so core imports nothing above it.
ErrorRenderer = Callable[[int, str, str, str | None], HttpResponse]
_renderers: dict[Surface, ErrorRenderer] = {}


def register(surface: Surface, renderer: ErrorRenderer) -> None:
    _renderers[surface] = renderer


def surface_of(request: HttpRequest) -> Surface:
    path = request.path_info
    if path.startswith("/api/"):
        return Surface.API
    if path.startswith("/open311/"):
        return Surface.OPEN311_XML if path.endswith(".xml") else Surface.OPEN311_JSON
    return Surface.WEB


def _titles() -> dict[int, str]:
    return {
        400: _("The request could not be read"),
        403: _("Not allowed"),
        404: _("Page not found"),
        413: _("The request is too large"),
        500: _("Something went wrong"),
        503: _("Service temporarily unavailable"),
    }


def _web_page(request: HttpRequest, status: int, message: str) -> HttpResponse:
    title = _titles().get(status, _titles()[500])
    # Sending the same request again helps only when the fault was ours.
    retry = status >= 500 and request.method in ("GET", "HEAD")
    again = request.get_full_path() if retry else ""
    body = render_to_string(
        "web/error.html",
        {"status": status, "title": title, "message": message, "again": again},
    )
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


def error_response(
    request: HttpRequest,
    status: int,
    *,
    code: str,
    message: str,
    field: str | None = None,
) -> HttpResponse:
    """``message`` (already translated) as ``request``'s surface answers an error."""
    renderer = _renderers.get(surface_of(request))
    if renderer is None:
        response = _web_page(request, status, message)
    else:
        response = renderer(status, code, message, field)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
    return response


def in_request_language(request: HttpRequest) -> translation.override:
    """The visitor's language, for answers given before ``LocaleMiddleware`` has run."""
    return translation.override(translation.get_language_from_request(request))


def _reshaped(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    status = response.status_code
    if status == 405:
        message = _("This address does not take %(method)s requests.") % {"method": request.method}
        code = "method_not_allowed"
    else:
        message, code = _("The request could not be answered."), "error"
    shaped = error_response(request, status, code=code, message=message)
    if "Allow" in response:
        shaped["Allow"] = response["Allow"]
    return shaped


class SurfaceErrorsMiddleware:
    """Django's own error pages (405 from ``require_http_methods``, CSRF failures) are HTML;
    on the two APIs they are answered again in the API's shape."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code >= 400
            and not settings.DEBUG  # keep Django's debugging pages
            and response.get("Content-Type", "").startswith("text/html")
            and surface_of(request) is not Surface.WEB
        ):
            with in_request_language(request):
                return _reshaped(request, response)
        return response
