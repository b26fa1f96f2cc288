"""The parser of the Redis URL setting, which never shows the URL's password."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

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
