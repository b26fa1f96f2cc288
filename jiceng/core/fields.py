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

    # Found by `jiceng keys reencrypt` and `jiceng keys check` (jiceng.core.keys).
    holds_ciphertext = True

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> str | None:
        return None if value is None else crypto.decrypt(value)

    def get_prep_value(self, value: Any) -> str | None:
        value = super().get_prep_value(value)
        return None if value is None else crypto.encrypt(str(value))


# What a masked copy may hold: the same masks every page shows (jiceng.core.crypto).
MASKS = {"name": crypto.mask_name, "phone": crypto.mask_phone}


class MaskedCopyField(models.CharField):  # type: ignore[type-arg]
    """A plain copy of an encrypted field in its masked form (``王**``, ``138****5678``).

    Lists show every row's contact masked; decrypting two fields per row to mask them was
    most of an API list's time. The copy is recomputed from ``source`` whenever the row
    is saved, so it cannot drift from the encrypted value, and it holds only what every
    page shows to anyone allowed to see the row.
    """

    def __init__(self, *args: Any, source: str = "", mask: str = "name", **kwargs: Any) -> None:
        self.source, self.mask = source, mask
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(source=self.source, mask=self.mask)
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance: models.Model, add: bool) -> str:
        value = MASKS[self.mask](getattr(model_instance, self.source) or "")
        setattr(model_instance, self.attname, value)
        return value
