"""A policy for tests, applying in 诸暨市 from 2026."""

from __future__ import annotations

from datetime import date
from typing import Any

from jiceng.policies.models import Policy


def policy(code: str, rule: dict[str, Any], **extra: Any) -> Policy:
    fields: dict[str, Any] = {
        "title": code,
        "issuing_body": "诸暨市民政局",
        "summary": "说明",
        "who_qualifies": "条件",
        "benefit": "待遇",
        "how_to_apply": "办法",
        "valid_from": date(2026, 1, 1),
        "scope": "330681",
    }
    fields.update(extra)
    return Policy.objects.update_or_create(code=code, defaults={"rule": rule, **fields})[0]


ELDERLY = {
    "all": [
        {"field": "age", "op": ">=", "value": 80},
        {"field": "hukou", "op": "in", "value": "330681"},
    ]
}
