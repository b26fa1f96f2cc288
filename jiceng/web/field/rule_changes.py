"""A policy rule's change log as its authors and the county's leaders read it."""

from __future__ import annotations

from typing import Any

from jiceng.core.errors import InvalidInput
from jiceng.people.models import Role, User
from jiceng.policies.models import Policy
from jiceng.policies.rules import rule_text, validate_rule
from jiceng.policies.selectors import rule_changes
from jiceng.policies.services import (
    may_author_rule,
)


def rule_change_log(user: User, policy: Policy) -> list[dict[str, Any]] | None:
    """The rule's change log, for its authors and the county's leaders; None for others."""
    if not (may_author_rule(user, policy) or user.role == Role.LEADER):
        return None
    return [
        {
            "at": change.at,
            "by": str(change.by),
            "unit": change.by.unit.name if change.by.unit else "",
            "old": _text(change.old_rule),
            "new": _text(change.new_rule),
        }
        for change in rule_changes(policy)[:50]
    ]


def _text(rule: Any) -> str:
    try:
        validate_rule(rule)
    except InvalidInput:
        return str(rule)  # an old or empty rule is shown as it was stored
    return rule_text(rule)
