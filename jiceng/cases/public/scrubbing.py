"""Anonymising text for the public: no long digit runs, names or house numbers."""

from __future__ import annotations

import re

from jiceng.cases.models import Case
from jiceng.core import pii

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


def public_description(case: Case) -> str:
    name = case.resident.name if case.resident is not None else ""
    return scrub(case.description, name=name)
