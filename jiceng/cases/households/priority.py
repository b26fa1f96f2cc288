"""The priority mark on a case from a vulnerable household, for the roles that may see it."""

from __future__ import annotations

from jiceng.cases.households.linking import linked_household
from jiceng.cases.households.vulnerable import members_vulnerable
from jiceng.cases.models import Case
from jiceng.people.models import Role, User

MARK_READERS = frozenset(
    {
        Role.DISPATCHER,
        Role.VILLAGE_CADRE,
        Role.GRID_WORKER,
        Role.TOWNSHIP_STAFF,
        Role.LEADER,
        Role.ADMIN,
    }
)


def may_see_mark(user: User) -> bool:
    return bool(user.is_superuser or user.role in MARK_READERS)


def priority_mark(user: User, case: Case) -> bool:
    """Whether ``user`` (who may see the case) is shown that it comes from a vulnerable home."""
    if not may_see_mark(user):
        return False
    linked = linked_household(case)
    if linked is None:
        return False
    household_id, dibao = linked
    return dibao or members_vulnerable(household_id)
