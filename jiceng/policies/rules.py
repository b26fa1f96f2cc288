"""Eligibility rules: structured conditions over a person and their household.

A rule is JSON, built in a form and never in code::

    {"all": [{"field": "age", "op": ">=", "value": 80},
             {"field": "hukou", "op": "in", "value": "330681"}]}

``all`` and ``any`` nest. A rule compiles to one database filter (fast over
100,000 people); the reasons shown to a cadre are worked out afterwards, only
for the people who matched.

Health marks (disability) are encrypted, so SQL cannot test them. The filter
treats such a condition as "maybe" (true), which can only let more people
through, never fewer, because and/or never negate; those candidates are then
checked exactly in Python, decrypting each person's marks once per run.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from jiceng.core.errors import InvalidInput
from jiceng.people import health

NUMBER_OPS = (">=", "<=", ">", "<", "==")
# field -> (label, kind, database path)
FIELDS: dict[str, tuple[Any, str, str]] = {
    "age": (gettext_lazy("age"), "number", "birth_date"),
    "elderly_alone": (gettext_lazy("elderly living alone"), "flag", "elderly_alone"),
    "left_behind_child": (gettext_lazy("left-behind child"), "flag", "left_behind_child"),
    "disability": (gettext_lazy("disability"), "flag", "health"),
    "extreme_poverty": (gettext_lazy("extreme poverty support"), "flag", "extreme_poverty"),
    "veteran": (gettext_lazy("veteran"), "flag", "veteran"),
    "in_school": (gettext_lazy("in school"), "flag", "in_school"),
    "dibao": (gettext_lazy("低保 family"), "flag", "household__dibao"),
    "hukou": (gettext_lazy("registered in"), "division", "hukou"),
}
# Encrypted marks: evaluated in Python, and never named in stored or shown reasons.
HEALTH_FIELDS = frozenset(health.HEALTH_FLAGS)
PROTECTED_REASON = gettext_lazy("a protected health condition")
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


def to_q(rule: Rule, today: date) -> Q | None:
    """The rule as one database filter over residents; None means no filter at all.

    Exact unless ``needs_health(rule)``; then a superset to check with ``holds``.
    """
    for key in ("all", "any"):
        if key in rule:
            parts = [to_q(item, today) for item in rule[key]]
            known = [part for part in parts if part is not None]
            if key == "any" and len(known) < len(parts):
                return None  # one branch is "maybe": anybody may pass
            if not known:
                return None
            result = known[0]
            for part in known[1:]:
                result = result & part if key == "all" else result | part
            return result
    name = rule["field"]
    _label, kind, path = FIELDS[name]
    if name in HEALTH_FIELDS:
        return None
    if kind == "number":
        return _age_q(rule["op"], rule["value"], today)
    if kind == "flag":
        return Q(**{path: rule["value"]})
    return Q(**{f"{path}__startswith": rule["value"]})


def needs_health(rule: Rule) -> bool:
    return bool(_leaf_fields(rule) & HEALTH_FIELDS)


def holds(rule: Rule, person: Mapping[str, Any], today: date) -> bool:
    """The whole rule, decided in Python for one person (values as ``person_values`` fetch)."""
    if "all" in rule:
        return all(holds(item, person, today) for item in rule["all"])
    if "any" in rule:
        return any(holds(item, person, today) for item in rule["any"])
    return _holds(rule, person, today)


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
    if name in HEALTH_FIELDS:
        return (name in person[path]) is value
    if kind == "flag":
        return bool(person[path]) is value
    return str(person[path]).startswith(value)


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
    """The columns to fetch: where the person lives, plus what Python must decide.

    Where no ``any`` group and no health mark appear, every condition held for
    every match, so the reasons are the same for all and no attribute is fetched.
    Health marks come as ciphertext (``health``), decrypted only when asked for.
    """
    if not has_choice(rule) and not needs_health(rule):
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
