"""The parser of a span of hours, such as quiet hours running past midnight."""

from __future__ import annotations

import re

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, string


def hour_range(
    name: str,
    default: str,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> tuple[int, int]:
    """A span of hours such as ``22-8`` (from 22:00 to 08:00 the next morning)."""
    note(name, environ, "hours, from-to", default, help)
    value = string(name, default, environ=environ).strip()
    match = re.fullmatch(r"(\d{1,2})\s*-\s*(\d{1,2})", value)
    if match is None or not all(0 <= int(h) <= 23 for h in match.groups()):
        raise ImproperlyConfigured(
            f"{name} must be two hours from 0 to 23 joined by a dash, e.g. 22-8; got {value!r}"
        )
    start, end = int(match[1]), int(match[2])
    return start, end
