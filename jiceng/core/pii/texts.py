"""The two forms of a text: masked for staff, scrubbed for the public (house numbers too)."""

from __future__ import annotations

from collections.abc import Iterable

from jiceng.core.pii.houses import HOUSE_NUMBER
from jiceng.core.pii.names import names_hidden
from jiceng.core.pii.numbers import numbers

HIDDEN = "**"


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
    return HOUSE_NUMBER.sub(HIDDEN, mask_text(text, names=names)) if text else text


def scrub_text(text: str, *, names: Iterable[str] = ()) -> str:
    """What the public sees of ``text``: numbers, names and house numbers removed."""
    if not text:
        return text
    return HOUSE_NUMBER.sub(HIDDEN, names_hidden(numbers(text, HIDDEN), names, HIDDEN))
