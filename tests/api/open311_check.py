"""Checks shared by the Open311 tests: the published JSON schemas, and XML read back as data."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from django.http import HttpResponse
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

# The published schemas live in the shared data beside the checkout (../shared/data/README.md).
SCHEMAS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "open311-schemas"
XML_TYPE = "text/xml; charset=utf-8"
JSON_TYPE = "application/json; charset=utf-8"


@cache
def _registry() -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text()), DRAFT202012))
        for path in SCHEMAS.glob("*.json")
    ]
    return Registry().with_resources(resources)


def valid_json(response: HttpResponse, schema: str) -> Any:
    """The response's JSON, after checking its content type and its schema."""
    assert response["Content-Type"] == JSON_TYPE
    if not SCHEMAS.is_dir():
        pytest.skip(f"the Open311 schemas are not at {SCHEMAS} (a clone without ../shared)")
    data = json.loads(response.content)
    contents = _registry().get_or_retrieve(schema).value.contents
    Draft202012Validator(contents, registry=_registry()).validate(data)
    return data


LISTS = {"services", "service_requests", "errors", "attributes", "values", "endpoints", "formats"}


def _plain(node: ET.Element) -> Any:
    children = list(node)
    if node.tag in LISTS:
        return [_plain(child) for child in children]
    if not children:
        return node.text or ""
    return {child.tag: _plain(child) for child in children}


def xml_data(response: HttpResponse) -> tuple[str, Any]:
    """The root tag and the XML read back as lists/dicts of strings."""
    assert response["Content-Type"] == XML_TYPE
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    root = ET.fromstring(response.content)  # noqa: S314 — our own output
    return root.tag, _plain(root)


def as_strings(value: Any) -> Any:
    """JSON data written the way the XML writes it, for comparison."""
    if isinstance(value, list):
        return [as_strings(item) for item in value]
    if isinstance(value, dict):
        return {key: as_strings(item) for key, item in value.items()}
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
