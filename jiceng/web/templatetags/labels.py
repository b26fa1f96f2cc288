"""``{{ case.category|label }}`` and ``{{ code|satisfaction }}``: codes in words."""

from __future__ import annotations

from django import template

from jiceng.cases.models import Category
from jiceng.web.labels import SATISFACTION_LABELS, category_label

register = template.Library()


@register.filter
def label(category: Category | None) -> str:
    return category_label(category) if category is not None else ""


@register.filter
def satisfaction(code: str) -> str:
    return str(SATISFACTION_LABELS.get(code, ""))
