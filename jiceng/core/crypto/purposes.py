"""Keys of their own purpose: the blind index's, the history chain's and the anchors'; and
the fingerprints that name keys without revealing them."""

from __future__ import annotations

import base64
import hashlib
import hmac

from django.conf import settings

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
