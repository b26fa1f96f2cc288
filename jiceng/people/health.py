"""Health-related marks of a person (disability …), encrypted at rest.

Health data is sensitive personal information: it is stored as Fernet
ciphertext like names and ID numbers, never as a plain column, so someone
reading the table (a backup, a replica, a SQL console) learns nothing.

Why one encrypted field and not a blind index per mark: a yes/no mark has two
values, so an index that is the same for every "yes" splits the table in two
groups anyone can label by their size (6 % disabled). An index keyed per person
would hide that, but then no SQL filter can use it either, and each check costs
a keyed hash per person, the same work as decrypting. So the marks are
encrypted, and the places that need them (policy matching, coverage) narrow
the people down in SQL first and decrypt only the rest, once per person.

Every row holds a ciphertext of the same length whatever the marks are (a
fixed-width plaintext, never empty), so neither emptiness nor length tells
"has a mark" from "has none".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core import crypto

# Append new marks at the end: the stored text is positional, and older rows
# (shorter) read the missing positions as "no".
HEALTH_FLAGS: tuple[str, ...] = ("disability",)
LABELS = {"disability": gettext_lazy("disability")}
_VERSION = "h1:"

HealthFlags = frozenset[str]
NONE: HealthFlags = frozenset()


def encode(flags: Iterable[str]) -> str:
    """Fixed-width text, e.g. ``h1:1`` (disability) or ``h1:0`` (none)."""
    chosen = set(flags)
    unknown = chosen - set(HEALTH_FLAGS)
    if unknown:
        raise ValueError(f"unknown health marks: {sorted(unknown)}")
    return _VERSION + "".join("1" if name in chosen else "0" for name in HEALTH_FLAGS)


def decode(text: str) -> HealthFlags:
    if not text:
        return NONE
    if not text.startswith(_VERSION):
        raise ValueError("not a health-marks value")
    bits = text[len(_VERSION) :]
    return frozenset(name for name, bit in zip(HEALTH_FLAGS, bits, strict=False) if bit == "1")


def with_flag(flags: HealthFlags, name: str, on: bool) -> HealthFlags:
    if name not in HEALTH_FLAGS:
        raise ValueError(f"unknown health mark {name!r}")
    return flags | {name} if on else flags - {name}


def describe(flags: HealthFlags) -> str:
    """The marks in words, for someone allowed to see them in clear."""
    if not flags:
        return _("none recorded")
    return "、".join(str(LABELS[name]) for name in HEALTH_FLAGS if name in flags)


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
