"""A rule decided in Python for one person, and the columns that needs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from jiceng.policies.rules.fields import (
    FIELDS,
    HEALTH_FIELDS,
    Rule,
    has_choice,
    leaf_fields,
    needs_health,
)


def holds(rule: Rule, person: Mapping[str, Any], today: date) -> bool:
    """The whole rule, decided in Python for one person (values as ``person_values`` fetch)."""
    if "all" in rule:
        return all(holds(item, person, today) for item in rule["all"])
    if "any" in rule:
        return any(holds(item, person, today) for item in rule["any"])
    return holds_condition(rule, person, today)


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - int((today.month, today.day) < (birth.month, birth.day))


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


PLACE_VALUES = ("id", "household_id", "household__grid__village_id")


def person_values(rule: Rule) -> tuple[str, ...]:
    """The columns to fetch: where the person lives, plus what Python must decide.

    Where no ``any`` group and no health mark appear, every condition held for
    every match, so the reasons are the same for all and no attribute is fetched.
    Health marks come as ciphertext (``health``), decrypted only when asked for.
    """
    if not has_choice(rule) and not needs_health(rule):
        return PLACE_VALUES
    return PLACE_VALUES + tuple(sorted({FIELDS[name][2] for name in leaf_fields(rule)}))
