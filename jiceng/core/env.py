"""Strict parsers for settings read from the environment.

Every parser fails loudly with the variable's name and what was expected, and
accepts a ``NAME_FILE`` variant holding the path of a file with the value, so
secrets can come from mounted files instead of the process environment.
"""

from __future__ import annotations

import ipaddress
import os
import re
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def raw(name: str, environ: dict[str, str] | None = None) -> str | None:
    env = os.environ if environ is None else environ
    file_name = env.get(f"{name}_FILE")
    if file_name:
        path = Path(file_name)
        if not path.is_file():
            raise ImproperlyConfigured(f"{name}_FILE points at {file_name}, which is not a file")
        return path.read_text(encoding="utf-8").strip()
    return env.get(name)


def string(name: str, default: str | None = None, *, environ: dict[str, str] | None = None) -> str:
    value = raw(name, environ)
    if value is None or value == "":
        if default is None:
            raise ImproperlyConfigured(f"{name} is required but not set")
        return default
    return value


def boolean(name: str, default: bool, *, environ: dict[str, str] | None = None) -> bool:
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
    name: str, default: int, *, minimum: int | None = None, environ: dict[str, str] | None = None
) -> int:
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
    name: str, default: str, choices: tuple[str, ...], *, environ: dict[str, str] | None = None
) -> str:
    value = string(name, default, environ=environ).strip().lower()
    if value not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {value!r}")
    return value


def time_zone(name: str, default: str, *, environ: dict[str, str] | None = None) -> str:
    value = string(name, default, environ=environ).strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"{name} must be an IANA time zone such as Asia/Shanghai; got {value!r}"
        ) from None
    return value


def csv_list(name: str, default: str, *, environ: dict[str, str] | None = None) -> list[str]:
    value = string(name, default, environ=environ) if default else (raw(name, environ) or "")
    return [item.strip() for item in value.split(",") if item.strip()]


def hour_range(
    name: str, default: str, *, environ: dict[str, str] | None = None
) -> tuple[int, int]:
    """A span of hours such as ``22-8`` (from 22:00 to 08:00 the next morning)."""
    value = string(name, default, environ=environ).strip()
    match = re.fullmatch(r"(\d{1,2})\s*-\s*(\d{1,2})", value)
    if match is None or not all(0 <= int(h) <= 23 for h in match.groups()):
        raise ImproperlyConfigured(
            f"{name} must be two hours from 0 to 23 joined by a dash, e.g. 22-8; got {value!r}"
        )
    start, end = int(match[1]), int(match[2])
    return start, end


def directory(name: str, default: Path, *, environ: dict[str, str] | None = None) -> Path:
    """An absolute directory path; it need not exist yet, but must not be a file."""
    value = raw(name, environ)
    if value is None or value.strip() == "":
        return default
    path = Path(value.strip())
    if not path.is_absolute():
        raise ImproperlyConfigured(f"{name} must be an absolute directory path; got {value!r}")
    if path.exists() and not path.is_dir():
        raise ImproperlyConfigured(f"{name} must be a directory, but {value} is a file")
    return path


def redis_url(name: str, *, environ: dict[str, str] | None = None) -> str | None:
    """A Redis URL (``redis://``, ``rediss://`` or ``unix://``), or None when unset.

    Checked here rather than at the first connection, so a typo stops the start
    instead of failing every enqueue later.
    """
    value = (raw(name, environ) or "").strip()
    if not value:
        return None
    expected = f"{name} must look like redis://[:password@]host:6379/0 or unix:///path; got "
    try:
        parsed = urlsplit(value)
        port = parsed.port
    except ValueError:
        raise ImproperlyConfigured(expected + _redacted(value)) from None
    database = parsed.path.strip("/") if parsed.scheme != "unix" else ""
    if (
        parsed.scheme not in {"redis", "rediss", "unix"}
        or (parsed.scheme == "unix" and not parsed.path)
        or (parsed.scheme != "unix" and not parsed.hostname)
        or (port is not None and not 0 < port < 65536)
        or (database and not database.isdigit())
    ):
        raise ImproperlyConfigured(expected + _redacted(value))
    return value


def _redacted(url: str) -> str:
    """The URL without its password, which must not end up in logs."""
    return repr(re.sub(r"//([^/@]*)@", "//***@", url))


def networks(name: str, default: str, *, environ: dict[str, str] | None = None) -> list[str]:
    """Comma-separated IP addresses or CIDR networks, each checked and written canonically."""
    found = []
    for item in csv_list(name, default, environ=environ):
        try:
            found.append(str(ipaddress.ip_network(item, strict=True)))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must be IP addresses or networks such as 10.0.0.5,10.1.0.0/16 "
                f"(a network's host bits zero); got {item!r}"
            ) from None
    return found


def origin(name: str, default: str = "", *, environ: dict[str, str] | None = None) -> str:
    """A site's public address, scheme and host only (``https://12345.example.cn``); or ''."""
    value = (raw(name, environ) or default).strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.hostname or parts.path or parts.query:
        raise ImproperlyConfigured(
            f"{name} must be the site's address with its scheme and no path, "
            f"e.g. https://12345.example.cn; got {value!r}"
        )
    return f"{parts.scheme}://{parts.netloc.lower()}"


def fernet_key(name: str, value: str) -> None:
    """Stop the start if ``value`` is not a Fernet key (32 url-safe base64-encoded bytes)."""
    from cryptography.fernet import Fernet

    try:
        Fernet(value.encode())
    except ValueError:
        raise ImproperlyConfigured(
            f"{name} must be a Fernet key: 32 random bytes, url-safe base64-encoded "
            "(make one with: python3 -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())')"
        ) from None


def fernet_keys(name: str, *, environ: dict[str, str] | None = None) -> list[str]:
    """Comma-separated Fernet keys (earlier data keys), each checked; empty when unset."""
    keys = [item.strip() for item in (raw(name, environ) or "").split(",") if item.strip()]
    for position, key in enumerate(keys, start=1):
        try:
            fernet_key(name, key)
        except ImproperlyConfigured:
            raise ImproperlyConfigured(
                f"{name} must be Fernet keys separated by commas; key {position} is not one"
            ) from None
    return keys


def secret_bytes(name: str, length: int, *, environ: dict[str, str] | None = None) -> str:
    """A key of exactly ``length`` random bytes, url-safe base64-encoded; '' when unset."""
    import base64
    import binascii

    value = (raw(name, environ) or "").strip()
    if not value:
        return ""
    try:
        decoded = base64.urlsafe_b64decode(value.encode())
    except (binascii.Error, ValueError):
        decoded = b""
    if len(decoded) != length:
        raise ImproperlyConfigured(
            f"{name} must be {length} bytes, url-safe base64-encoded "
            "(print the value to pin with: jiceng keys rotate)"
        )
    return value
