"""Parsers of plain values: text, switches, numbers, choices, zones, lists, hours, paths."""

from __future__ import annotations

import re
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env import registry

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def note(
    name: str,
    environ: dict[str, str] | None,
    kind: str,
    default: object,
    help: str,
    *,
    choices: tuple[str, ...] = (),
    doc_default: str | None = None,
) -> None:
    """Record a read of the process environment (the first record of a name wins, so a
    parser built on another records itself before calling it)."""
    if environ is None:
        registry.record(name, kind, default, help, choices=choices, doc_default=doc_default)


def raw(
    name: str,
    environ: dict[str, str] | None = None,
    *,
    help: str = "",
    doc_default: str | None = None,
) -> str | None:
    """The value of ``name``, or of the file ``NAME_FILE`` points at; None when unset."""
    note(name, environ, "text", None, help, doc_default=doc_default)
    env = registry.environment() if environ is None else environ
    file_name = env.get(f"{name}_FILE")
    if file_name:
        path = Path(file_name)
        if not path.is_file():
            raise ImproperlyConfigured(f"{name}_FILE points at {file_name}, which is not a file")
        return path.read_text(encoding="utf-8").strip()
    return env.get(name)


def string(
    name: str,
    default: str | None = None,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
    doc_default: str | None = None,
) -> str:
    note(name, environ, "text", default, help, doc_default=doc_default)
    value = raw(name, environ)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"{name} is required but not set")
        return default
    return value


def boolean(
    name: str,
    default: bool,
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> bool:
    note(name, environ, "true or false", default, help)
    value = raw(name, environ)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {value!r}"
    )


def integer(
    name: str,
    default: int,
    *,
    minimum: int | None = None,
    environ: dict[str, str] | None = None,
    help: str = "",
) -> int:
    kind = "whole number" if minimum is None else f"whole number ≥ {minimum}"
    note(name, environ, kind, default, help)
    value = raw(name, environ)
    if value is None or value.strip() == "":
        return default
    try:
        number = int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {value!r}") from None
    if minimum is not None and number < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {number}")
    return number


def choice(
    name: str,
    default: str,
    choices: tuple[str, ...],
    *,
    environ: dict[str, str] | None = None,
    help: str = "",
    doc_default: str | None = None,
) -> str:
    note(name, environ, "one of", default, help, choices=choices, doc_default=doc_default)
    value = string(name, default, environ=environ).strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


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
