"""Parsers of purpose keys: a fixed number of random bytes, url-safe base64-encoded."""

from __future__ import annotations

import base64
import binascii

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, raw


def secret_bytes(
    name: str, length: int, *, environ: dict[str, str] | None = None, help: str = ""
) -> str:
    """A key of exactly ``length`` random bytes, url-safe base64-encoded; '' when unset."""
    note(name, environ, f"{length}-byte key, url-safe base64", None, help)
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
