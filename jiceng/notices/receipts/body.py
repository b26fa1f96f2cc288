"""Reading a gateway's body strictly: a bad one names the field (``BadBody``)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _

from jiceng.notices.channels.sms.formats import scrub


class BadBody(Exception):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class Receipt:
    provider_id: str
    delivered: bool
    reason: str


@dataclass(frozen=True)
class Reply:
    phone: str
    text: str


# --- reading a body ----------------------------------------------------------------------


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


def text(item: Mapping[str, Any], index: int, name: str, *, required: bool = True) -> str:
    value = item.get(name)
    if value is None and not required:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a numeric id
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadBody(
            _("Item %(index)s: “%(field)s” must be text.") % {"index": index, "field": name},
            name,
        )
    return value.strip()


def flag(item: Mapping[str, Any], index: int, name: str) -> bool:
    value = item.get(name)
    if not isinstance(value, bool):
        raise BadBody(
            _("Item %(index)s: “%(field)s” must be true or false.")
            % {"index": index, "field": name},
            name,
        )
    return value


def why(*words: str) -> str:
    return scrub(" ".join(word for word in words if word)) or "not delivered"
