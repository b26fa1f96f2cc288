"""The shape of a division code: its possible lengths, its parent's length, ASCII digits."""

from __future__ import annotations

from jiceng.places.models import LEVEL_BY_LENGTH

LENGTHS = sorted(LEVEL_BY_LENGTH)
# Code length → length of its parent's code (0: provinces have no parent).
PARENT_LENGTH: dict[int, int] = dict(zip(LENGTHS, [0, *LENGTHS[:-1]], strict=True))


def is_ascii_digits(text: str) -> bool:
    # str.isdigit alone accepts other scripts' digits, such as "²" or "٣".
    return text.isascii() and text.isdigit()
