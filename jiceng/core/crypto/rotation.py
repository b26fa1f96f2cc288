"""After a key rotation: which values the current key or the ring can read, and re-encrypting."""

from __future__ import annotations

from cryptography.fernet import InvalidToken
from django.conf import settings

from jiceng.core.crypto.ring import fernet, key_ring


def readable_by_current_key(token: str) -> bool:
    if token == "":
        return True
    try:
        fernet(settings.JICENG_DATA_KEY).decrypt(token.encode())
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
