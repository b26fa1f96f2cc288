"""The two forms of a text: masked for staff, scrubbed for the public; and house numbers."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jiceng.core.pii.names import names_hidden
from jiceng.core.pii.numbers import numbers

HIDDEN = "**"

_CN_NUMBER = "零〇一二三四五六七八九十百"
# "12号", "3栋2单元501室", "三幢": a number then a building word; "12月3号" is a date,
# "第20号" an ordinal.
_HOUSE = re.compile(
    rf"(?<![月第])(?<![0-9{_CN_NUMBER}])(?:[0-9{_CN_NUMBER}]+\s*(?:号楼|号院|号|栋|幢|单元|室|弄|楼|层|户)"
    r"(?!线|文|令|码)(?:之[0-9]+)?\s*)+"
)


def mask_text(text: str, *, names: Iterable[str] = ()) -> str:
    """What staff see of ``text``: numbers and names masked, the rest as typed.

    ``names``: names known to belong to the resident (their stored name), hidden
    wherever they appear, not only where they are introduced.
    """
    if not text:
        return text
    return names_hidden(numbers(text, None), names, None)


def mask_address(text: str, *, names: Iterable[str] = ()) -> str:
    """What staff see of an address: as :func:`mask_text`, and its house number hidden."""
    return _HOUSE.sub(HIDDEN, mask_text(text, names=names)) if text else text


def scrub_text(text: str, *, names: Iterable[str] = ()) -> str:
    """What the public sees of ``text``: numbers, names and house numbers removed."""
    if not text:
        return text
    return _HOUSE.sub(HIDDEN, names_hidden(numbers(text, HIDDEN), names, HIDDEN))
