"""The keyed hash chain behind append-only case history.

Each event's hash covers its own content and the previous event's hash, keyed
with the history key (JICENG_HISTORY_KEY when pinned, else derived from JICENG_DATA_KEY):
changing, inserting or deleting a row breaks the chain, and nobody without the key can
compute a replacement.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

from jiceng.core.crypto import history_key

GENESIS = "0" * 64


def canonical(payload: dict[str, Any]) -> bytes:
    return json.dumps(
        payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=encode
    ).encode()


def encode(value: Any) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="microseconds")
    raise TypeError(f"cannot hash {type(value).__name__}")


def link(prev_hash: str, payload: dict[str, Any], key: bytes | None = None) -> str:
    mac = hmac.new(key or history_key(), prev_hash.encode(), hashlib.sha256)
    mac.update(canonical(payload))
    return mac.hexdigest()
