"""A case's title as staff see it, masked and cut short enough for an SMS parameter."""

from __future__ import annotations

from jiceng.cases.models import Case
from jiceng.core import pii

TITLE_CHARS = 20


def short(case: Case) -> str:
    """The title as staff see it (numbers and the resident's name masked), cut short enough
    for an SMS parameter: gateways cap each at a few dozen characters. Masked before it is
    cut, so a cut never leaves half a phone number that the masking would not recognise."""
    name = case.resident.name if case.resident_id is not None and case.resident else ""
    title = pii.mask_text(case.title, names=[name] if name else [])
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…"
