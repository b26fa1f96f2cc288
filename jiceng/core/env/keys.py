"""Parsers of keys: Fernet data keys and fixed-length purpose keys."""

from __future__ import annotations

import base64
import binascii

from django.core.exceptions import ImproperlyConfigured

from jiceng.core.env.values import note, raw


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


def fernet_keys(name: str, *, environ: dict[str, str] | None = None, help: str = "") -> list[str]:
    """Comma-separated Fernet keys (earlier data keys), each checked; empty when unset."""
    note(name, environ, "Fernet keys, comma-separated", None, help)
    keys = [item.strip() for item in (raw(name, environ) or "").split(",") if item.strip()]
    for position, key in enumerate(keys, start=1):
        try:
            fernet_key(name, key)
        except ImproperlyConfigured:
            raise ImproperlyConfigured(
                f"{name} must be Fernet keys separated by commas; key {position} is not one"
            ) from None
    return keys


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
