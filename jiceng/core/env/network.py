"""Parsers of addresses: the Redis URL, trusted networks, the site's public origin."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.formats import csv_list
from jiceng.core.env.values import note, raw


def redis_url(name: str, *, environ: dict[str, str] | None = None, help: str = "") -> str | None:
    """A Redis URL (``redis://``, ``rediss://`` or ``unix://``), or None when unset.

    Checked here rather than at the first connection, so a typo stops the start
    instead of failing every enqueue later.
    """
    note(name, environ, "Redis URL", None, help)
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


def networks(
    name: str, default: str, *, environ: dict[str, str] | None = None, help: str = ""
) -> list[str]:
    """Comma-separated IP addresses or CIDR networks, each checked and written canonically."""
    note(name, environ, "IP addresses or networks, comma-separated", default, help)
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


def origin(
    name: str, default: str = "", *, environ: dict[str, str] | None = None, help: str = ""
) -> str:
    """A site's public address, scheme and host only (``https://12345.example.cn``); or ''."""
    note(name, environ, "site address (scheme and host)", default, help)
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
