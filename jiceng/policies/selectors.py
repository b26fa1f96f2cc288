"""Reads of outreach, scoped: a village sees its own items; a policy's rule changes."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.scope import field_village
from jiceng.people.models import User
from jiceng.policies.models import Outreach, Policy, PolicyRuleChange


def outreach_for(user: User) -> QuerySet[Outreach]:
    """The outreach items of the user's own village."""
    return Outreach.objects.filter(village_id=field_village(user)).select_related(
        "policy", "resident", "household"
    )


def outreach_item(user: User, pk: int) -> Outreach:
    item = outreach_for(user).filter(pk=pk).first()
    if item is None:
        raise NotAllowed(_("This outreach item is not in your village."))
    return item


def rule_changes(policy: Policy) -> QuerySet[PolicyRuleChange]:
    """The policy's rule changes, newest first; the caller has checked who may read them."""
    return PolicyRuleChange.objects.filter(policy=policy).select_related("by__unit")
