"""Encryption of personal data at rest, and masking for display.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under
``JICENG_DATA_KEY``. Lookups by phone use a keyed blind index (HMAC-SHA256),
so equal phones can be matched without storing them in clear.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


@lru_cache(maxsize=4)
def _fernet(key: str) -> Fernet:
    try:
        return Fernet(key.encode())
    except ValueError:
        raise ImproperlyConfigured(
            "JICENG_DATA_KEY must be 32 url-safe base64-encoded bytes "
            "(generate one with: python -c 'from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())')"
        ) from None


def _sub_key(purpose: bytes) -> bytes:
    master = base64.urlsafe_b64decode(settings.JICENG_DATA_KEY.encode())
    return hmac.new(master, purpose, hashlib.sha256).digest()


def encrypt(value: str) -> str:
    if value == "":
        return ""
    return _fernet(settings.JICENG_DATA_KEY).encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    if token == "":
        return ""
    try:
        return _fernet(settings.JICENG_DATA_KEY).decrypt(token.encode()).decode()
    except InvalidToken:
        raise ImproperlyConfigured(
            "Personal data cannot be decrypted: JICENG_DATA_KEY is not the key it was written with"
        ) from None


def blind_index(value: str) -> str:
    """A keyed digest for equality lookups; empty for empty input."""
    if value == "":
        return ""
    return hmac.new(_sub_key(b"blind-index"), value.encode(), hashlib.sha256).hexdigest()


def history_key() -> bytes:
    """Key of the case-history hash chain; without it a forged chain cannot be recomputed."""
    return _sub_key(b"case-history")


def anchor_key() -> bytes:
    """Key signing history anchors: its own purpose, so no signature is ever a chain hash."""
    return _sub_key(b"history-anchor")


def mask_phone(phone: str) -> str:
    digits = phone.strip()
    if len(digits) < 7:
        return "*" * len(digits)
    return f"{digits[:3]}{'*' * (len(digits) - 7)}{digits[-4:]}"


def mask_name(name: str) -> str:
    name = name.strip()
    if len(name) <= 1:
        return name
    return name[0] + "*" * (len(name) - 1)


def mask_id_number(number: str) -> str:
    number = number.strip()
    if len(number) < 8:
        return "*" * len(number)
    return f"{number[:4]}{'*' * (len(number) - 8)}{number[-4:]}"
