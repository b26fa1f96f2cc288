"""Checking a rule as it comes from the form: the first fault named."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.policies.rules.fields import FIELDS, MAX_DEPTH, NUMBER_OPS, Rule


def _bad(message: str) -> InvalidInput:
    return InvalidInput(message, field="rule")


def validate_rule(rule: Any, depth: int = 0) -> None:
    """Raise InvalidInput(field="rule") naming what is wrong; return None if the rule is sound."""
    if not isinstance(rule, Mapping):
        raise _bad(_("A rule must be a group or a condition."))
    if depth > MAX_DEPTH:
        raise _bad(_("Rules may nest at most %(n)d groups deep.") % {"n": MAX_DEPTH})
    groups = [key for key in ("all", "any") if key in rule]
    if groups:
        items = rule[groups[0]]
        if len(groups) > 1 or len(rule) > 1 or not isinstance(items, list) or not items:
            raise _bad(_("A group is either all or any of a non-empty list of conditions."))
        for item in items:
            validate_rule(item, depth + 1)
        return
    _validate_condition(rule)


def _validate_condition(rule: Rule) -> None:
    name = rule.get("field")
    if name not in FIELDS:
        raise _bad(_("Unknown attribute %(field)r.") % {"field": name})
    kind = FIELDS[name][1]
    op, value = rule.get("op"), rule.get("value")
    if kind == "number":
        if op not in NUMBER_OPS:
            raise _bad(_("Age needs a comparison: >=, <=, >, < or ==."))
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 130:
            raise _bad(_("Age must be a whole number from 0 to 130."))
    elif kind == "flag":
        if op != "is" or not isinstance(value, bool):
            raise _bad(_("%(field)s is yes or no.") % {"field": FIELDS[name][0]})
    elif op != "in" or not isinstance(value, str) or not value.isdigit() or len(value) > 12:
        raise _bad(_("Registered-in needs a division code, e.g. 330681."))
