"""GeoReport v2 as XML: the spec's element names for list items, with the XML declaration."""

from __future__ import annotations

import re
from typing import Any
from xml.etree import ElementTree as ET

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
