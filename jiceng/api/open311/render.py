"""GeoReport v2 output: the same data as XML (with its declaration) or as JSON.

JSON follows the spec's Spark convention: lists are top-level arrays. XML
names each list's items by the spec's element names.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo
from typing import Any
from xml.etree import ElementTree as ET

from django.http import HttpResponse
from django.utils import timezone

from jiceng.api.renderers import dumps

XML = "xml"
JSON = "json"
CONTENT_TYPES = {XML: "text/xml; charset=utf-8", JSON: "application/json; charset=utf-8"}
ITEM_TAGS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "attributes": "attribute",
    "values": "value",
    "endpoints": "endpoint",
    "formats": "format",
}
_DECLARATION = b'<?xml version="1.0" encoding="utf-8"?>\n'
# Characters XML 1.0 cannot carry at all; typed text may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def when(moment: datetime | None, zone: tzinfo | None = None) -> str | None:
    """ISO 8601 in local time with its offset, as the spec requires.

    Pass ``zone`` (``timezone.get_current_timezone()``) when formatting many: looking it
    up per value was a fifth of a 1,000-request answer.
    """
    if moment is None:
        return None
    return moment.astimezone(zone or timezone.get_current_timezone()).isoformat(timespec="seconds")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", str(value))


def _element(parent: ET.Element, tag: str, value: Any) -> None:
    node = ET.SubElement(parent, tag)
    if isinstance(value, dict):
        for key, item in value.items():
            _element(node, key, item)
    elif isinstance(value, list):
        for item in value:
            _element(node, ITEM_TAGS[tag], item)
    else:
        node.text = _text(value)


def to_xml(root: str, value: Any) -> bytes:
    holder = ET.Element("holder")
    _element(holder, root, value)
    return _DECLARATION + ET.tostring(holder[0], encoding="unicode").encode()


def render(fmt: str, root: str, value: Any) -> bytes:
    """``value`` under the XML root element ``root``, or as plain JSON."""
    return to_xml(root, value) if fmt == XML else dumps(value)


def respond(fmt: str, root: str, value: Any, *, status: int = 200) -> HttpResponse:
    return HttpResponse(render(fmt, root, value), status=status, content_type=CONTENT_TYPES[fmt])


def error(fmt: str, status: int, description: str) -> HttpResponse:
    """The spec's error list: one error with the HTTP status as its code."""
    return respond(fmt, "errors", [{"code": status, "description": description}], status=status)
