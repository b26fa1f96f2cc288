"""The model field holding a person's health marks, encrypted at a fixed width."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from jiceng.core import crypto
from jiceng.people.health.decrypting import decrypt_token
from jiceng.people.health.marks import NONE, HealthFlags, decode, encode


class HealthFlagsField(models.Field):  # type: ignore[type-arg]
    """A set of health marks in Python; Fernet ciphertext of fixed width in the database.

    Cannot be filtered on in SQL (that is the point); read it and decide in Python.
    """

    # Found by `jiceng keys reencrypt` and `jiceng keys check` (jiceng.core.keys).
    holds_ciphertext = True

    # What django-stubs should type the model attribute as (annotations only).
    _pyi_private_set_type: Iterable[str]
    _pyi_private_get_type: HealthFlags

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("default", frozenset)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def get_internal_type(self) -> str:
        return "TextField"

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> HealthFlags:
        return NONE if not value else decrypt_token(value)

    def to_python(self, value: Any) -> HealthFlags:
        if value is None or value == "":
            return NONE
        if isinstance(value, str):
            return decode(value)
        return frozenset(value)

    def get_prep_value(self, value: Any) -> str:
        return crypto.encrypt(encode(self.to_python(value)))

    def value_to_string(self, obj: models.Model) -> str:
        return encode(self.value_from_object(obj))
