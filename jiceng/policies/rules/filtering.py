"""A rule as one database filter over residents (a superset where health marks are tested)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from jiceng.policies.rules.fields import FIELDS, HEALTH_FIELDS, Rule


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
