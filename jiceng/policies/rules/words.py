"""A rule in words: for its author, and the reasons a matched person matched."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.utils.translation import gettext as _

from jiceng.policies.rules.deciding import holds_condition
from jiceng.policies.rules.fields import (
    FIELDS,
    HEALTH_FIELDS,
    PROTECTED_REASON,
    Rule,
    has_choice,
    leaves,
)


def describe(rule: Rule) -> str:
    """One condition in words, e.g. "age >= 80" or "低保 family"; health marks stay unnamed."""
    label, kind, _path = FIELDS[rule["field"]]
    if rule["field"] in HEALTH_FIELDS:
        return str(PROTECTED_REASON)
    if kind == "number":
        return f"{label} {rule['op']} {rule['value']}"
    if kind == "flag":
        return str(label) if rule["value"] else _("not %(field)s") % {"field": label}
    return f"{label} {rule['value']}"


def rule_text(rule: Rule, top: bool = True) -> str:
    """The rule in words for its author, e.g. "age >= 80 and (低保 family or disability)".

    Names every attribute: this describes the rule, not a person.
    """
    for key, word in (("all", _(" and ")), ("any", _(" or "))):
        if key in rule:
            text = word.join(rule_text(item, top=False) for item in rule[key])
            return text if top or len(rule[key]) == 1 else f"({text})"
    label, kind, _path = FIELDS[rule["field"]]
    if kind == "flag":
        return str(label) if rule["value"] else _("not %(field)s") % {"field": label}
    if kind == "number":
        return f"{label} {rule['op']} {rule['value']}"
    return f"{label} {rule['value']}"


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
