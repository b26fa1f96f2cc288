"""Eligibility rules: structured conditions over a person and their household.

A rule is JSON, built in a form and never in code::

    {"all": [{"field": "age", "op": ">=", "value": 80},
             {"field": "hukou", "op": "in", "value": "330681"}]}

``all`` and ``any`` nest. A rule compiles to one database filter (fast over
100,000 people); the reasons shown to a cadre are worked out afterwards, only
for the people who matched.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core.errors import InvalidInput

NUMBER_OPS = (">=", "<=", ">", "<", "==")
# field -> (label, kind, database path)
FIELDS: dict[str, tuple[Any, str, str]] = {
    "age": (gettext_lazy("age"), "number", "birth_date"),
    "elderly_alone": (gettext_lazy("elderly living alone"), "flag", "elderly_alone"),
    "left_behind_child": (gettext_lazy("left-behind child"), "flag", "left_behind_child"),
    "disability": (gettext_lazy("disability"), "flag", "disability"),
    "extreme_poverty": (gettext_lazy("extreme poverty support"), "flag", "extreme_poverty"),
    "veteran": (gettext_lazy("veteran"), "flag", "veteran"),
    "in_school": (gettext_lazy("in school"), "flag", "in_school"),
    "dibao": (gettext_lazy("低保 family"), "flag", "household__dibao"),
    "hukou": (gettext_lazy("registered in"), "division", "hukou"),
}
MAX_DEPTH = 4
Rule = Mapping[str, Any]


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


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year without one
        return day.replace(year=day.year - years, day=28)


def _age_q(op: str, value: int, today: date) -> Q:
    # age >= n  <=>  born on or before today n years ago.
    at_least = {">=": value, ">": value + 1, "==": value}.get(op)
    at_most = {"<=": value, "<": value - 1, "==": value}.get(op)
    q = Q(birth_date__isnull=False)
    if at_least is not None:
        q &= Q(birth_date__lte=_years_before(today, at_least))
    if at_most is not None:
        q &= Q(birth_date__gt=_years_before(today, at_most + 1))
    return q


def to_q(rule: Rule, today: date) -> Q:
    """The rule as one database filter over residents."""
    for key, combine in (("all", Q.__and__), ("any", Q.__or__)):
        if key in rule:
            parts = [to_q(item, today) for item in rule[key]]
            result = parts[0]
            for part in parts[1:]:
                result = combine(result, part)
            return result
    _label, kind, path = FIELDS[rule["field"]]
    if kind == "number":
        return _age_q(rule["op"], rule["value"], today)
    if kind == "flag":
        return Q(**{path: rule["value"]})
    return Q(**{f"{path}__startswith": rule["value"]})


def age_on(birth: date | None, today: date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - int((today.month, today.day) < (birth.month, birth.day))


def _holds(rule: Rule, person: Mapping[str, Any], today: date) -> bool:
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
    if kind == "flag":
        return bool(person[path]) is value
    return str(person[path]).startswith(value)


def describe(rule: Rule) -> str:
    """One condition in words, e.g. "age >= 80" or "低保 family"."""
    label, kind, _path = FIELDS[rule["field"]]
    if kind == "number":
        return f"{label} {rule['op']} {rule['value']}"
    if kind == "flag":
        return str(label) if rule["value"] else _("not %(field)s") % {"field": label}
    return f"{label} {rule['value']}"


Explainer = Callable[[Mapping[str, Any], date], list[str]]


def explainer(rule: Rule) -> Explainer:
    """A function giving the conditions that made a *matched* person match.

    For ``any``, only the conditions that held. Built once per run: the words are
    translated once, not once per person; without ``any`` they are the same for all.
    """
    if not has_choice(rule):
        words = [describe(leaf) for leaf in _leaves(rule)]
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
    return lambda person, today: words if _holds(rule, person, today) else []


def reasons(rule: Rule, person: Mapping[str, Any], today: date) -> list[str]:
    return explainer(rule)(person, today)


PLACE_VALUES = ("id", "household_id", "household__grid__village_id")


def person_values(rule: Rule) -> tuple[str, ...]:
    """The columns to fetch: where the person lives, plus what the reasons need.

    Where no ``any`` group appears every condition held for every match, so the
    reasons are the same for all and no attribute needs fetching at all.
    """
    if not has_choice(rule):
        return PLACE_VALUES
    return PLACE_VALUES + tuple(sorted({FIELDS[name][2] for name in _leaf_fields(rule)}))


def has_choice(rule: Rule) -> bool:
    if "any" in rule:
        return True
    return any(has_choice(item) for item in rule.get("all", []))


def _leaves(rule: Rule) -> list[Rule]:
    items = rule.get("all") or rule.get("any")
    if items is None:
        return [rule]
    return [leaf for item in items for leaf in _leaves(item)]


def _leaf_fields(rule: Rule) -> set[str]:
    return {leaf["field"] for leaf in _leaves(rule)}
