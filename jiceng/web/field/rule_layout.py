"""A policy rule laid out in the builder's forms, and read back from them.

The form holds the rule's own conditions and up to ``GROUPS`` bracketed groups; a rule
nested deeper than that cannot be shown (``initial_layout`` says None).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jiceng.web.field.rule_forms import (
    GROUPS,
    ConditionFormSet,
    GroupConditionFormSet,
    GroupForm,
    InnerGroupForm,
)


@dataclass
class Builder:
    """The form's parts: the rule's own conditions, then up to GROUPS bracketed groups."""

    combine: GroupForm
    conditions: Any
    groups: list[tuple[GroupForm, Any]]

    def is_valid(self) -> bool:
        forms_ok = [self.combine.is_valid(), self.conditions.is_valid()]
        for group, rows in self.groups:
            forms_ok += [group.is_valid(), rows.is_valid()]
        return all(forms_ok)

    def rule(self) -> dict[str, Any]:
        items: list[dict[str, Any]] = _conditions(self.conditions)
        for group, rows in self.groups:
            inner = _conditions(rows)
            if len(inner) == 1:
                items.append(inner[0])  # brackets around one condition change nothing
            elif inner:
                items.append({group.cleaned_data["combine"]: inner})
        return {self.combine.cleaned_data["combine"]: items}


def _conditions(rows: Any) -> list[dict[str, Any]]:
    return [c for c in (form.condition() for form in rows) if c is not None]


def builder_for(data: Any, rule: dict[str, Any]) -> Builder:
    shown = initial_layout(rule)
    top, leaves, groups = shown if shown is not None else ({"combine": "all"}, [], [])
    parts: list[tuple[GroupForm, Any]] = []
    for index in range(GROUPS):
        combine, rows = groups[index] if index < len(groups) else ({"combine": "any"}, [])
        parts.append(
            (
                InnerGroupForm(data, prefix=f"g{index}", initial=combine),
                GroupConditionFormSet(data, prefix=f"g{index}c", initial=rows),
            )
        )
    return Builder(GroupForm(data, initial=top), ConditionFormSet(data, initial=leaves), parts)


Shown = tuple[dict[str, str], list[dict[str, Any]], list[tuple[dict[str, str], list[Any]]]]


def initial_layout(rule: dict[str, Any]) -> Shown | None:
    """The saved rule laid out in the form, or None if the form cannot hold it."""
    combine = "any" if "any" in rule else "all"
    items = rule.get(combine, [rule] if "field" in rule else [])
    leaves = [_row(item) for item in items if "field" in item]
    groups = []
    for item in items:
        if "field" in item:
            continue
        inner_combine = "any" if "any" in item else "all"
        inner = item[inner_combine]
        if any("field" not in leaf for leaf in inner) or len(inner) > 3:
            return None
        groups.append(({"combine": inner_combine}, [_row(leaf) for leaf in inner]))
    if len(leaves) > 4 or len(groups) > GROUPS:
        return None
    return {"combine": combine}, leaves, groups


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _row(condition: dict[str, Any]) -> dict[str, Any]:
    return {
        "field": condition["field"],
        "op": condition["op"],
        "value": _shown(condition["value"]),
    }
