"""A rule in words: for its author, and the reasons a matched person matched."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.policies.rules.deciding import holds_condition
from jiceng.policies.rules.fields import (
    FIELDS,
    HEALTH_FIELDS,
    PROTECTED_REASON,
    Rule,
    has_choice,
    leaves,
)

# One sentence per comparison, so that each language words an age in its own way.
AGE_WORDS: dict[str, Promise] = {
    ">=": gettext_lazy("aged %(n)d or over"),
    "<=": gettext_lazy("aged %(n)d or under"),
    ">": gettext_lazy("older than %(n)d"),
    "<": gettext_lazy("younger than %(n)d"),
    "==": gettext_lazy("aged %(n)d"),
}


def condition_text(rule: Rule) -> str:
    """One condition in words, naming every attribute, e.g. "aged 80 or over"."""
    label, kind, _path = FIELDS[rule["field"]]
    if kind == "number":
        return str(AGE_WORDS[rule["op"]]) % {"n": rule["value"]}
    if kind == "flag":
        return str(label) if rule["value"] else _("not %(field)s") % {"field": label}
    return _("registered in %(place)s") % {"place": rule["value"]}


def describe(rule: Rule) -> str:
    """Why a person matched, e.g. "aged 80 or over"; health marks stay unnamed."""
    if rule["field"] in HEALTH_FIELDS:
        return str(PROTECTED_REASON)
    return condition_text(rule)


def rule_text(rule: Rule, top: bool = True) -> str:
    """The rule in words for its author, e.g. "aged 70 or over and (disability or veteran)".

    Names every attribute: this describes the rule, not a person.
    """
    for key, word in (("all", _(" and ")), ("any", _(" or "))):
        if key in rule:
            text = word.join(rule_text(item, top=False) for item in rule[key])
            return text if top or len(rule[key]) == 1 else f"({text})"
    return condition_text(rule)


Explainer = Callable[[Mapping[str, Any], date], list[str]]


def explainer(rule: Rule) -> Explainer:
    """A function giving the conditions that made a *matched* person match.

    For ``any``, only the conditions that held. Built once per run: the words are
    translated once, not once per person; without ``any`` they are the same for all.
    """
    if not has_choice(rule):
        words = [describe(leaf) for leaf in leaves(rule)]
        return lambda person, today: list(words)
    return _explainer(rule)


def _explainer(rule: Rule) -> Explainer:
    if "all" in rule or "any" in rule:
        parts = [_explainer(item) for item in rule.get("all") or rule["any"]]
        if "all" in rule:
            return lambda person, today: [text for part in parts for text in part(person, today)]

        def first_that_held(person: Mapping[str, Any], today: date) -> list[str]:
            for part in parts:
                found = part(person, today)
                if found:
                    return found
            return []

        return first_that_held
    words = [describe(rule)]
    return lambda person, today: words if holds_condition(rule, person, today) else []


def reasons(rule: Rule, person: Mapping[str, Any], today: date) -> list[str]:
    return explainer(rule)(person, today)
