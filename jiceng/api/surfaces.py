"""How the two APIs answer errors raised before a view runs (see jiceng.core.surfaces)."""

from __future__ import annotations

from django.http import HttpResponse

from jiceng.api.open311.render import error as open311_error
from jiceng.api.renderers import dumps
from jiceng.core.surfaces import JSON_TYPE, ErrorRenderer, Surface, register


def _native(status: int, code: str, message: str, field: str | None) -> HttpResponse:
    body = {"code": code, "message": message, "field": field}
    return HttpResponse(dumps(body), status=status, content_type=JSON_TYPE)


def _open311(fmt: str) -> ErrorRenderer:
    def render(status: int, code: str, message: str, field: str | None) -> HttpResponse:
        return open311_error(fmt, status, f"{field}: {message}" if field else message)

    return render


def register_error_renderers() -> None:
    register(Surface.API, _native)
    register(Surface.OPEN311_JSON, _open311("json"))
    register(Surface.OPEN311_XML, _open311("xml"))
