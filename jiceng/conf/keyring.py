"""The key ring and purpose keys (docs/operations.md, "Key rotation").

Earlier data keys still decrypt (jiceng.core.crypto); the blind index and the history chain
may be pinned to keys of their own, so they survive a change of the data key. Unset, both
are derived from JICENG_DATA_KEY as before.
"""

from __future__ import annotations

from jiceng.core import env

env.section("Key ring and purpose keys", doc="operations.md")
JICENG_DATA_KEYS_OLD = env.fernet_keys(
    "JICENG_DATA_KEYS_OLD", help="earlier data keys, still used to decrypt during a rotation"
)
JICENG_INDEX_KEY = env.secret_bytes(
    "JICENG_INDEX_KEY", 32, help="pins the phone index's key; unset: derived from the data key"
)
JICENG_HISTORY_KEY = env.secret_bytes(
    "JICENG_HISTORY_KEY", 64, help="pins the history chain's key; unset: derived from the data key"
)
