"""Stored codes and the system's stored words, in the reader's language.

``{{ case.category|label }}``, ``{{ code|satisfaction }}``, ``{{ event|note }}`` (a note
the system wrote, translated), ``{{ item|reasons }}`` (an outreach item's reasons) and
``{{ reason|spam }}`` (the spam check's); ``{{ words|listed }}`` joins a list with the
language's separator (、 in Chinese, a comma in English).
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.translation import pgettext

from jiceng.cases.models import CaseEvent, Category
from jiceng.cases.notes import note_text
from jiceng.cases.spam_words import spam_reason
from jiceng.policies.models import Outreach
from jiceng.policies.rules.shown import shown_reasons
from jiceng.web.labels import SATISFACTION_LABELS, category_label

register = template.Library()


@register.filter
def label(category: Category | None) -> str:
    return category_label(category) if category is not None else ""


@register.filter
def satisfaction(code: str) -> str:
    return str(SATISFACTION_LABELS.get(code, ""))


@register.filter
def note(event: CaseEvent) -> str:
    return note_text(event)


@register.filter
def reasons(item: Outreach) -> list[str]:
    return shown_reasons(item.policy.rule, item.reasons)


@register.filter
def spam(reason: str) -> str:
    return spam_reason(reason)


@register.filter
def listed(items: Iterable[object]) -> str:
    return pgettext("list separator", ", ").join(str(item) for item in items)
