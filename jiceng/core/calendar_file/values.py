"""A cell's value as text or as a yes/no flag, however the file wrote it."""

from __future__ import annotations

from typing import Any

TRUE = {"true", "yes", "1", "是"}

FALSE = {"false", "no", "0", "否", ""}


def text_of(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""  # a list, an object or null is no answer


def flag_of(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = text_of(value).lower()
    if text in TRUE:
        return True
    if text in FALSE:
        return False
    return None
