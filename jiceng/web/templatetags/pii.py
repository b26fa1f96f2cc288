"""Template filters showing free text as staff may see it: personal numbers and names masked."""

from __future__ import annotations

from django import template

from jiceng.core import pii

register = template.Library()


@register.filter
def masked(text: str) -> str:
    """``{{ case.title|masked }}``: phone, ID numbers and introduced names masked."""
    return pii.mask_text(str(text or ""))


@register.filter
def masked_address(text: str) -> str:
    """``{{ case.address|masked_address }}``: as ``masked``, and the house number hidden."""
    return pii.mask_address(str(text or ""))
