"""The parser of a time zone setting: an IANA name, checked against the zone database."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, string


def time_zone(
    name: str,
    default: str,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> str:
    note(name, environ, "IANA time zone", default, help)
    value = string(name, default, environ=environ).strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"{name} must be an IANA time zone such as Asia/Shanghai; got {value!r}"
        ) from None
    return value
