"""GeoReport v2 output: the same data as XML (with its declaration) or as JSON.

JSON follows the spec's Spark convention: lists are top-level arrays. XML
names each list's items by the spec's element names.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse

from jiceng.api.open311.xml_output import to_xml
from jiceng.api.renderers import dumps

XML = "xml"
JSON = "json"
CONTENT_TYPES = {XML: "text/xml; charset=utf-8", JSON: "application/json; charset=utf-8"}


def render(fmt: str, root: str, value: Any) -> bytes:
    """``value`` under the XML root element ``root``, or as plain JSON."""
    return to_xml(root, value) if fmt == XML else dumps(value)


def respond(fmt: str, root: str, value: Any, *, status: int = 200) -> HttpResponse:
    return HttpResponse(render(fmt, root, value), status=status, content_type=CONTENT_TYPES[fmt])


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """The spec's error list: one error with the HTTP status as its code."""
    return respond(fmt, "errors", [{"code": status, "description": description}], status=status)
