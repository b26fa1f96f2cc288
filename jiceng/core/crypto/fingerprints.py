"""Fingerprints that name each key without revealing it, as a backup records them."""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any

from django.conf import settings

from jiceng.core.crypto.purposes import anchor_key, history_key, index_key
from jiceng.core.crypto.ring import old_keys


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
