"""``{{ text|shortened:80 }}``: cut at a clause or word break with "…", never mid-word."""

from __future__ import annotations

from django import template

from jiceng.cases.public.text import shorten

register = template.Library()


@register.filter
def shortened(text: object, length: int) -> str:
    # A plain str, so autoescaping still applies to what the resident or cadre typed.
    return shorten(str(text or ""), int(length))
