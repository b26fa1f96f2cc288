"""Walking a rule's conditions: its leaves, its fields, whether it has a choice or a health mark."""

from __future__ import annotations

from jiceng.policies.rules.fields import HEALTH_FIELDS, Rule


def needs_health(rule: Rule) -> bool:
    return bool(leaf_fields(rule) & HEALTH_FIELDS)


def has_choice(rule: Rule) -> bool:
    if "any" in rule:
        return True
    return any(has_choice(item) for item in rule.get("all", []))


def leaves(rule: Rule) -> list[Rule]:
    items = rule.get("all") or rule.get("any")
    if items is None:
        return [rule]
    return [leaf for item in items for leaf in leaves(item)]


def leaf_fields(rule: Rule) -> set[str]:
    return {leaf["field"] for leaf in leaves(rule)}
