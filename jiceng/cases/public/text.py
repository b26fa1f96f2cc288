"""Anonymising text for the public: no long digit runs, names or house numbers."""

from __future__ import annotations

import re

from jiceng.cases.models import Case
from jiceng.core import pii

SUMMARY_LENGTH = 40
# Seven or more digits, possibly broken by spaces or dashes, with an ID number's final X:
# phone numbers, ID numbers, bank cards. Shorter runs (house numbers, dates) stay.
_LONG_NUMBER = re.compile(r"\d(?:[\s-]?\d){6,}[xX]?")
_HIDDEN = "**"


def scrub(text: str, *, name: str = "") -> str:
    """``text`` without long digit runs, names or house numbers (see ``core.pii``).

    Long digit runs of any kind go, not only those ``pii`` recognises as phone or ID
    numbers: the public needs none of them, and a mistyped number is still someone's.
    """
    return pii.scrub_text(_LONG_NUMBER.sub(_HIDDEN, text), names=[name] if name else [])


# Where a cut reads naturally: after a clause's punctuation, or at a space between words.
_BREAKS = frozenset("，。；、！？：,.;!?: ")


def shorten(text: str, length: int = SUMMARY_LENGTH) -> str:
    """At most ``length`` characters with "…", cut at a break in the last third if there is one.

    Chinese has no spaces between words, so the break is mostly punctuation; without one the
    cut falls at the limit.
    """
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    limit = max(length - 1, 1)
    breaks = [i for i in range(max(limit - limit // 3, 1), limit + 1) if _is_break(text, i)]
    head = text[: breaks[-1]] if breaks else text[:limit]
    return (head.rstrip("".join(_BREAKS)) or text[:limit]) + "…"


def _is_break(text: str, i: int) -> bool:
    """Cutting before ``text[i]`` leaves no word or number in two pieces."""
    return text[i - 1] in _BREAKS or text[i] == " "


def public_description(case: Case) -> str:
    name = case.resident.name if case.resident is not None else ""
    return scrub(case.description, name=name)
