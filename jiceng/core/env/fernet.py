"""Parsers of Fernet data keys: the current key and the earlier ones still read."""

from __future__ import annotations

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
