"""One error shape everywhere: ``{"code", "message", "field"}`` with the matching status."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, ValidationError

from jiceng.api.idempotency.refusals import KeyReused
from jiceng.api.native.app import api
from jiceng.core.errors import Conflict, IllegalTransition, InvalidInput, JicengError, NotAllowed


def _error(
    request: HttpRequest, status: int, code: str, message: str, field: str | None = None
) -> HttpResponse:
    return api.create_response(
        request, {"code": code, "message": message, "field": field}, status=status
    )


@api.exception_handler(InvalidInput)
def _invalid(request: HttpRequest, exc: InvalidInput) -> HttpResponse:
    return _error(request, 422, exc.code, exc.message, exc.field)


@api.exception_handler(NotAllowed)
def _forbidden(request: HttpRequest, exc: NotAllowed) -> HttpResponse:
    return _error(request, 403, exc.code, exc.message)


@api.exception_handler(IllegalTransition)
def _illegal(request: HttpRequest, exc: JicengError) -> HttpResponse:
    return _error(request, 409, exc.code, exc.message)


api.exception_handler(Conflict)(_illegal)


@api.exception_handler(KeyReused)
def _reused(request: HttpRequest, exc: KeyReused) -> HttpResponse:
    message = _("This Idempotency-Key was already used for a different request.")
    return _error(request, 409, "idempotency_key_reused", message)


@api.exception_handler(ValidationError)
def _validation(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    first = exc.errors[0] if exc.errors else {}
    location = [
        str(part)
        for part in first.get("loc", ())
        if part not in ("body", "query", "path", "payload", "filters")
    ]
    field = location[-1] if location else None
    return _error(request, 422, "invalid", str(first.get("msg", _("Invalid input."))), field)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = _("Log in, or send a valid X-API-Key header.")
    return _error(request, 401, "unauthenticated", message)


@api.exception_handler(HttpError)
def _http(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:  # an unreadable body is bad input like any other
        return _error(request, 422, "invalid", exc.message)
    code = "throttled" if exc.status_code == 429 else "error"
    return _error(request, exc.status_code, code, exc.message)


@api.exception_handler(Http404)
def _missing(request: HttpRequest, exc: Http404) -> HttpResponse:
    return _error(request, 404, "not_found", str(exc) or _("Not found."))
