"""Reading one report's fields strictly: text, true or false, and a failure's reason."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from jiceng.notices.channels.sms.formats import scrub
from jiceng.notices.receipts.body import BadBody


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
