"""Encryption of personal data at rest, and masking for display.

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256) under
``JICENG_DATA_KEY``; earlier data keys listed in ``JICENG_DATA_KEYS_OLD`` still
decrypt, so the key can be rotated without downtime (docs/operations.md, "Key
rotation"). Lookups by phone use a keyed blind index (HMAC-SHA256), so equal
phones can be matched without storing them in clear.

The blind index and the history chain have keys of their own purpose
(``JICENG_INDEX_KEY``, ``JICENG_HISTORY_KEY``). When those are unset they are
derived from the current data key, as they always were; pinning them before a
rotation keeps phone lookups and the history verifiable across it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from functools import lru_cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# The history key is two keys: the first half keys the chain, the second signs anchors.
HISTORY_KEY_BYTES = 64
INDEX_KEY_BYTES = 32


@lru_cache(maxsize=8)
def _fernet(key: str) -> Fernet:
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
    return MultiFernet([_fernet(current), *(_fernet(key) for key in old)])


def _old_keys() -> tuple[str, ...]:
    return tuple(getattr(settings, "JICENG_DATA_KEYS_OLD", ()))


def key_ring() -> MultiFernet:
    """Encrypts under the current data key; decrypts under it or any old one."""
    return _ring(settings.JICENG_DATA_KEY, _old_keys())


def _sub_key(purpose: bytes) -> bytes:
    master = base64.urlsafe_b64decode(settings.JICENG_DATA_KEY.encode())
    return hmac.new(master, purpose, hashlib.sha256).digest()


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


def readable_by_current_key(token: str) -> bool:
    if token == "":
        return True
    try:
        _fernet(settings.JICENG_DATA_KEY).decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def readable_by_ring(token: str) -> bool:
    try:
        key_ring().decrypt(token.encode())
    except InvalidToken:
        return False
    return True


def reencrypt(token: str) -> str:
    """The same clear text under the current key; raises InvalidToken if no key reads it."""
    return key_ring().rotate(token.encode()).decode()


def _pinned(name: str) -> bytes | None:
    value = getattr(settings, name, "")
    return base64.urlsafe_b64decode(value.encode()) if value else None


def index_key() -> bytes:
    return _pinned("JICENG_INDEX_KEY") or _sub_key(b"blind-index")


def blind_index(value: str) -> str:
    """A keyed digest for equality lookups; empty for empty input."""
    if value == "":
        return ""
    return hmac.new(index_key(), value.encode(), hashlib.sha256).hexdigest()


def _history_pair() -> tuple[bytes, bytes]:
    pinned = _pinned("JICENG_HISTORY_KEY")
    if pinned:
        return pinned[:32], pinned[32:]
    return _sub_key(b"case-history"), _sub_key(b"history-anchor")


def history_key() -> bytes:
    """Key of the case-history hash chain; without it a forged chain cannot be recomputed."""
    return _history_pair()[0]


def anchor_key() -> bytes:
    """Key signing history anchors: its own purpose, so no signature is ever a chain hash."""
    return _history_pair()[1]


def purpose_keys() -> dict[str, str]:
    """The values to pin before a rotation: what the present configuration uses."""
    encode = base64.urlsafe_b64encode
    return {
        "JICENG_INDEX_KEY": encode(index_key()).decode(),
        "JICENG_HISTORY_KEY": encode(history_key() + anchor_key()).decode(),
    }


def fingerprint(key: bytes) -> str:
    """Names a key without revealing it: a MAC of a constant under a key made for this."""
    checker = hmac.new(key, b"key-fingerprint", hashlib.sha256).digest()
    return hmac.new(checker, b"jiceng key fingerprint v1", hashlib.sha256).hexdigest()[:32]


def _data_key_fingerprint(key: str) -> str:
    return fingerprint(base64.urlsafe_b64decode(key.encode()))


def fingerprints() -> dict[str, Any]:
    """What a backup records, so a restore can tell that it needs other keys."""
    return {
        "data_key": _data_key_fingerprint(settings.JICENG_DATA_KEY),
        "old_data_keys": [_data_key_fingerprint(key) for key in _old_keys()],
        "index_key": fingerprint(index_key()),
        "history_key": fingerprint(history_key() + anchor_key()),
    }


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
