"""Decrypting stored marks: one token, or each ciphertext once for a whole run."""

from __future__ import annotations

from jiceng.core import crypto
from jiceng.people.health.marks import NONE, HealthFlags, decode


def decrypt_token(token: str) -> HealthFlags:
    return decode(crypto.decrypt(token))


class HealthDecryptor:
    """Decrypts stored marks once per ciphertext, for a whole matching run."""

    def __init__(self) -> None:
        self._seen: dict[str, HealthFlags] = {}

    def __call__(self, token: str) -> HealthFlags:
        flags = self._seen.get(token)
        if flags is None:
            flags = self._seen[token] = decrypt_token(token) if token else NONE
        return flags
