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

from jiceng.core.crypto.fingerprints import fingerprint, fingerprints
from jiceng.core.crypto.masks import mask_id_number, mask_name, mask_phone
from jiceng.core.crypto.purposes import (
    HISTORY_KEY_BYTES,
    INDEX_KEY_BYTES,
    anchor_key,
    blind_index,
    history_key,
    index_key,
    purpose_keys,
)
from jiceng.core.crypto.ring import decrypt, encrypt, key_ring
from jiceng.core.crypto.rotation import readable_by_current_key, readable_by_ring, reencrypt

__all__ = [
    "HISTORY_KEY_BYTES",
    "INDEX_KEY_BYTES",
    "anchor_key",
    "blind_index",
    "decrypt",
    "encrypt",
    "fingerprint",
    "fingerprints",
    "history_key",
    "index_key",
    "key_ring",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "purpose_keys",
    "readable_by_current_key",
    "readable_by_ring",
    "reencrypt",
]
