"""Keys of their own purpose: the blind index's, the history chain's and the anchors'; and
the fingerprints that name keys without revealing them."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from django.conf import settings

from jiceng.core.crypto.ring import old_keys

# The history key is two keys: the first half keys the chain, the second signs anchors.
HISTORY_KEY_BYTES = 64
INDEX_KEY_BYTES = 32


def _sub_key(purpose: bytes) -> bytes:
    master = base64.urlsafe_b64decode(settings.JICENG_DATA_KEY.encode())
    return hmac.new(master, purpose, hashlib.sha256).digest()


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
        "old_data_keys": [_data_key_fingerprint(key) for key in old_keys()],
        "index_key": fingerprint(index_key()),
        "history_key": fingerprint(history_key() + anchor_key()),
    }
