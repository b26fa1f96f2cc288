"""The reasons a matched person matched: the conditions that held, in words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from jiceng.policies.rules.deciding import holds_condition
from jiceng.policies.rules.fields import Rule
from jiceng.policies.rules.walking import has_choice, leaves
from jiceng.policies.rules.words import describe

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
