"""The whole rule in one sentence for its author, groups in brackets."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.policies.rules.fields import Rule
from jiceng.policies.rules.words import condition_text


def rule_text(rule: Rule, top: bool = True) -> str:
    """The rule in words for its author, e.g. "aged 70 or over and (disability or veteran)".

    Names every attribute: this describes the rule, not a person.
    """
    for key, word in (("all", _(" and ")), ("any", _(" or "))):
        if key in rule:
            text = word.join(rule_text(item, top=False) for item in rule[key])
            return text if top or len(rule[key]) == 1 else f"({text})"
    return condition_text(rule)
