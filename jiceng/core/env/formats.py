"""Parsers of values with a form of their own: time zones, lists, spans of hours, directories."""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, raw, string


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


def csv_list(
    name: str,
    default: str,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> list[str]:
    note(name, environ, "comma-separated list", default, help)
    value = string(name, default, environ=environ) if default else (raw(name, environ) or "")
    return [item.strip() for item in value.split(",") if item.strip()]


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


def directory(
    name: str,
    default: Path,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> Path:
    """An absolute directory path; it need not exist yet, but must not be a file."""
    note(name, environ, "absolute directory", default, help)
    value = raw(name, environ)
    if value is None or value.strip() == "":
        return default
    path = Path(value.strip())
    if not path.is_absolute():
        raise ImproperlyConfigured(f"{name} must be an absolute directory path; got {value!r}")
    if path.exists() and not path.is_dir():
        raise ImproperlyConfigured(f"{name} must be a directory, but {value} is a file")
    return path
