"""The key ring: encrypting under the current data key, decrypting under it or an old one."""

from __future__ import annotations

from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=8)
def fernet(key: str) -> Fernet:
    try:
        return Fernet(key.encode())
    except ValueError:
        raise ImproperlyConfigured(
            "JICENG_DATA_KEY must be 32 url-safe base64-encoded bytes "
            "(generate one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())')"
        ) from None


@lru_cache(maxsize=8)
def _ring(current: str, old: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([fernet(current), *(fernet(key) for key in old)])


def old_keys() -> tuple[str, ...]:
    return tuple(getattr(settings, "JICENG_DATA_KEYS_OLD", ()))


def key_ring() -> MultiFernet:
    """Encrypts under the current data key; decrypts under it or any old one."""
    return _ring(settings.JICENG_DATA_KEY, old_keys())


def encrypt(value: str) -> str:
    if value == "":
        return ""
    return key_ring().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if token == "":
        return ""
    try:
        return key_ring().decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "Personal data cannot be decrypted: neither JICENG_DATA_KEY nor any key in "
            "JICENG_DATA_KEYS_OLD is the key it was written with"
        ) from None
