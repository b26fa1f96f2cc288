"""Who may author a policy and its rule, and saving them (every rule change logged)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import Role, User
from jiceng.policies import rules
from jiceng.policies.models import Policy, PolicyRuleChange

# Who may open a policy's rule page in their area; changing it is for its owner (below).
AUTHOR_ROLES = frozenset({Role.ADMIN, Role.LEADER, Role.DEPARTMENT_STAFF})
POLICY_TEXT_FIELDS = (
    "title",
    "issuing_body",
    "summary",
    "who_qualifies",
    "benefit",
    "how_to_apply",
)


def is_policy_admin(user: User) -> bool:
    return bool(user.is_superuser or user.role == Role.ADMIN)


def may_author_rule(user: User, policy: Policy) -> bool:
    """Only the issuing department's staff and administrators decide who qualifies."""
    if is_policy_admin(user):
        return True
    return (
        user.role == Role.DEPARTMENT_STAFF
        and policy.owner_id is not None
        and user.unit_id == policy.owner_id
    )


def _check_author(by: User, policy: Policy) -> None:
    if not may_author_rule(by, policy):
        raise NotAllowed(
            _("Only the department that issued this policy and administrators may change it.")
        )


def policy_rule_set(*, policy: Policy, rule: rules.Rule, by: User) -> Policy:
    """Change who qualifies; the old and new rule are logged in the same transaction."""
    _check_author(by, policy)
    rules.validate_rule(rule)
    with transaction.atomic():
        # Locked, so two authors saving at once each log the rule they really replaced.
        current = Policy.objects.select_for_update().get(pk=policy.pk)
        if current.rule != rule:
            PolicyRuleChange.objects.create(
                policy=current, by=by, at=clock.now(), old_rule=current.rule, new_rule=rule
            )
            current.rule = rule
            current.save(update_fields=["rule"])
            _match_after_commit(current.code)
    policy.rule = current.rule
    return policy


def policy_save(*, by: User, code: str, scope: str, rule: rules.Rule, **fields: Any) -> Policy:
    """Create or update a policy; the rule is checked before anything is written.

    A department creates policies it owns; an administrator may name the owner.
    Only the owner and administrators change an existing policy, and a changed
    rule is logged like one changed in the rule builder.
    """
    if by.role != Role.DEPARTMENT_STAFF and not is_policy_admin(by):
        raise NotAllowed(_("Only county departments and administrators edit the policy library."))
    if not by.is_superuser and not scope.startswith(by.jurisdiction):
        raise NotAllowed(_("The policy must apply inside your area."))
    rules.validate_rule(rule)
    _check_fields(fields)
    if not is_policy_admin(by):
        fields["owner"] = by.unit
    with transaction.atomic():
        policy = Policy.objects.select_for_update().filter(code=code).first()
        if policy is None:
            _match_after_commit(code)
            return Policy.objects.create(code=code, scope=scope, rule=rule, **fields)
        _check_author(by, policy)
        fields.setdefault("owner", policy.owner)
        for name, value in {"scope": scope, **fields}.items():
            setattr(policy, name, value)
        policy.save(update_fields=["scope", *fields])
        return policy_rule_set(policy=policy, rule=rule, by=by)


def _check_fields(fields: dict[str, Any]) -> None:
    for name in POLICY_TEXT_FIELDS:
        if not str(fields.get(name, "")).strip():
            raise InvalidInput(_("This field is required."), field=name)
    if fields.get("valid_to") and fields["valid_to"] < fields["valid_from"]:
        raise InvalidInput(_("Valid-to must not be before valid-from."), field="valid_to")


def _match_after_commit(code: str) -> None:
    """Who qualifies changed: matching runs for this policy once the change commits."""
    from jiceng.policies.automatic import rule_saved  # automatic imports the services

    rule_saved(code)
