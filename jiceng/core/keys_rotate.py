"""``jiceng keys rotate``: a new data key, the purpose keys to pin first, and the steps."""

from __future__ import annotations

ROTATE_STEPS = """\
To rotate the data key (docs/operations.md, "Key rotation"):
 1. Pin the purpose keys first: add the two lines above to the key store, next to
    JICENG_DATA_KEY, restart every process, and check that `jiceng verify-history` passes.
    Phone lookups and the history chain then no longer depend on the data key.
 2. Move the present JICENG_DATA_KEY value into JICENG_DATA_KEYS_OLD (comma-separated),
    set JICENG_DATA_KEY to the new key, and restart every process (web and worker).
 3. Run `jiceng keys reencrypt` (safe to run again), then `jiceng keys check`.
 4. When `jiceng keys check` reports nothing left for an old key, and every backup you may
    still restore was taken after step 3, remove that key from JICENG_DATA_KEYS_OLD.
"""


def rotate_keys() -> int:
    from cryptography.fernet import Fernet

    from jiceng.core import crypto

    print("# Purpose keys the present configuration uses (pin them before switching):")
    for name, value in crypto.purpose_keys().items():
        print(f"{name}={value}")
    print("# The new data key:")
    print(f"JICENG_DATA_KEY={Fernet.generate_key().decode()}")
    print()
    print(ROTATE_STEPS, end="")
    return 0
