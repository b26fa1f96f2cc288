"""Model fields for personal data: encrypted at rest, plain in Python."""

from __future__ import annotations

from typing import Any

from django.db import models

from jiceng.core import crypto


class EncryptedTextField(models.TextField):  # type: ignore[type-arg]
    """Stores Fernet ciphertext; the Python value is the clear text.

    Encrypted values cannot be filtered or ordered on; pair the field with a
    blind index where equality lookups are needed.
    """

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else crypto.decrypt(value)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        return None if value is None else crypto.encrypt(str(value))
