"""Reading a gateway's body strictly: a bad one names the field (``BadBody``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _


class BadBody(Exception):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message, self.field = message, field


def items(request: HttpRequest) -> list[Mapping[str, Any]]:
    """The body's reports: a JSON list of objects, or one object."""
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        data = None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise BadBody(_("The body must be a JSON object or a list of JSON objects."), "body")
    return data
