"""The parser of a site's public origin: scheme and host, nothing after them."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, raw


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
