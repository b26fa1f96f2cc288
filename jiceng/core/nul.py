"""Requests carrying a NUL character are turned away before any view sees them.

PostgreSQL cannot store NUL in text, and refuses a query that merely compares with
one, so a single ``%00`` anywhere (a login name, a filter, a case number, a JSON
string) became a 500. No field of ours has any use for it, so the middleware answers
400 (422 on the native API, like its other bad input) in the surface's own shape,
naming the field. Cookies carrying NUL are dropped instead: they are never ours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

from jiceng.core.surfaces import Surface, error_response, in_request_language, surface_of

NUL = "\x00"
# Half of a UTF-16 pair alone, which JSON's \ud800 escapes can carry: no database stores it.
_HALF = re.compile("[\ud800-\udfff]")
_ESCAPED_HALF = re.compile(rb"\\u[dD][89a-fA-F]")
_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")


@dataclass(frozen=True)
class Found:
    field: str | None  # None: the address itself, or a body that is not even JSON
    nul: bool = True  # else half of a UTF-16 pair


def _named(name: str) -> str:
    return name.replace(NUL, "\\0")


def _in_fields(fields: QueryDict) -> Found | None:
    for name, values in fields.lists():
        if NUL in name or any(NUL in value for value in values):
            return Found(_named(name))
    return None


def _in_json(value: Any, where: str | None = None) -> Found | None:
    if isinstance(value, str):
        if NUL in value or _HALF.search(value):
            return Found(where, nul=NUL in value)
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            inner = _named(key) if where is None else f"{where}.{_named(key)}"
            if NUL in key:
                return Found(inner)
            found = _in_json(item, inner)
            if found:
                return found
    if isinstance(value, list):
        for position, item in enumerate(value):
            found = _in_json(item, f"{where}.{position}" if where else str(position))
            if found:
                return found
    return None


def _form(request: HttpRequest) -> QueryDict:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    length = request.META.get("CONTENT_LENGTH") or "0"
    if length.isdigit() and (limit is None or int(length) <= limit):
        # Read whole first, as a view reading the raw body after the form would need (the
        # API's Idempotency-Key digest); a multipart form read as a stream loses it.
        request.body  # noqa: B018
    return request.POST


def _in_body(request: HttpRequest) -> Found | None:
    content_type = request.content_type or ""
    if request.method == "POST" and content_type in _FORMS:
        return _in_fields(_form(request))
    if content_type == "application/json" or content_type.endswith("+json"):
        body = request.body
        if b"\x00" in body:
            return Found(None)
        # Cheap tests first: most bodies are never parsed twice.
        if b"\\u0000" in body or _ESCAPED_HALF.search(body):
            try:
                return _in_json(json.loads(body))
            except ValueError:
                return None  # not JSON: the view refuses it in its own words
    return None


def find(request: HttpRequest) -> Found | None:
    """Where ``request`` carries a NUL character, if it does."""
    if NUL in request.path_info:
        return Found(None)
    query = request.META.get("QUERY_STRING", "")
    if "%00" in query or NUL in query:
        found = _in_fields(request.GET)
        if found:
            return found
    return _in_body(request)


def _refusal(request: HttpRequest, found: Found) -> HttpResponse:
    if not found.nul:
        message = _("%(field)s contains broken characters (half of a UTF-16 pair).") % {
            "field": found.field or "JSON"
        }
    elif found.field is None:
        message = _("The request must not contain NUL characters (\\0).")
    else:
        message = _("%(field)s must not contain NUL characters (\\0).") % {"field": found.field}
    status = 422 if surface_of(request) is Surface.API else 400
    return error_response(request, status, code="invalid", message=message, field=found.field)


def _unreadable(request: HttpRequest, exc: Exception) -> HttpResponse:
    if isinstance(exc, RequestDataTooBig):
        message = _("The request is too large. Send less text, or a smaller file.")
        return error_response(request, 413, code="too_large", message=message)
    message = _("The request's form could not be read. Reload the page and try again.")
    status = 422 if surface_of(request) is Surface.API else 400
    return error_response(request, status, code="invalid", message=message)


class RejectNulMiddleware:
    """Place before the session middleware: it drops cookies carrying NUL."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        for name in [name for name, value in request.COOKIES.items() if NUL in name + value]:
            del request.COOKIES[name]
        try:
            found = find(request)
        except (SuspiciousOperation, MultiPartParserError) as exc:
            with in_request_language(request):
                return _unreadable(request, exc)
        if found is not None:
            with in_request_language(request):
                return _refusal(request, found)
        return self.get_response(request)
