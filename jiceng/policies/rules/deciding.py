"""A rule decided in Python for one person."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from jiceng.policies.rules.ages import age_on
from jiceng.policies.rules.fields import FIELDS, HEALTH_FIELDS, Rule


def holds(rule: Rule, person: Mapping[str, Any], today: date) -> bool:
    """The whole rule, decided in Python for one person (values as ``person_values`` fetch)."""
    if "all" in rule:
        return all(holds(item, person, today) for item in rule["all"])
    if "any" in rule:
        return any(holds(item, person, today) for item in rule["any"])
    return holds_condition(rule, person, today)


def holds_condition(rule: Rule, person: Mapping[str, Any], today: date) -> bool:
    name, op, value = rule["field"], rule["op"], rule["value"]
    _label, kind, path = FIELDS[name]
    if kind == "number":
        age = age_on(person["birth_date"], today)
        if age is None:
            return False
        return {
            ">=": age >= value,
            "<=": age <= value,
            ">": age > value,
            "<": age < value,
            "==": age == value,
        }[op]
    if name in HEALTH_FIELDS:
        return (name in person[path]) is value
    if kind == "flag":
        return bool(person[path]) is value
    return str(person[path]).startswith(value)
