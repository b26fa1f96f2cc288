"""A rule as one database filter over residents (a superset where health marks are tested)."""

from __future__ import annotations

from datetime import date

from django.db.models import Q

from jiceng.policies.rules.ages import age_q
from jiceng.policies.rules.fields import FIELDS, HEALTH_FIELDS, Rule


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
        return age_q(rule["op"], rule["value"], today)
    if kind == "flag":
        return Q(**{path: rule["value"]})
    return Q(**{f"{path}__startswith": rule["value"]})
