"""JSON for both APIs, written by orjson.

The standard library's encoder calls back into Python for every datetime (five a case)
and every lazy translation, a large share of a list page's time (bench/api/README.md,
Session 3, "JSON by orjson"). orjson writes datetimes natively (RFC 3339, UTC as ``Z``) and
UTF-8 without escaping, as our JSON always was; anything it does not know goes to
ninja's encoder, which covers pydantic models, Django's lazy strings and decimals.
"""

from __future__ import annotations

from typing import Any

import orjson
from django.http import HttpRequest
from ninja.renderers import BaseRenderer
from ninja.responses import NinjaJSONEncoder

_fallback = NinjaJSONEncoder()
_OPTIONS = orjson.OPT_UTC_Z


def _default(value: Any) -> Any:
    return _fallback.default(value)


def dumps(value: Any) -> bytes:
    """``value`` as UTF-8 JSON."""
    return orjson.dumps(value, default=_default, option=_OPTIONS)


class OrjsonRenderer(BaseRenderer):
    media_type = "application/json"

    def render(self, request: HttpRequest, data: Any, *, response_status: int) -> Any:
        return dumps(data)
