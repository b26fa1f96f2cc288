"""Cases and the household registry, linked through the blind phone index only.

A case's resident is a row of its own (what the caller said on the day); the registry's
residents belong to households. The two meet where their keyed phone digests
(``crypto.blind_index``) are equal: no phone is decrypted or compared in clear. A phone
found in more than one household links to none, so a case is never pinned on the wrong
family. Nothing is stored: a link follows the registry as it is edited.

A case from a vulnerable household (低保, someone elderly and alone, a left-behind child,
extreme poverty support, a health mark) is marked for priority. The mark names no reason,
and only the roles below see it: department staff act on the case, not on the family.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from jiceng.cases.models import Case
from jiceng.cases.permissions import visible_cases
from jiceng.people.models import Household, Resident, Role, User

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
_MEMBER_MARKS = Q(elderly_alone=True) | Q(left_behind_child=True) | Q(extreme_poverty=True)


def _registry() -> QuerySet[Resident]:
    """Present people of the registry (in a household, not moved away, not purged)."""
    return Resident.objects.filter(
        household__isnull=False, moved_away_on__isnull=True, purged_at__isnull=True
    ).exclude(phone_index="")


def _linked(case: Case) -> tuple[int, bool] | None:
    """The linked household's id and its 低保 mark, in one query; None if none or several."""
    resident = case.resident
    if resident is None or not resident.phone_index:
        return None
    rows = set(
        _registry()
        .filter(phone_index=resident.phone_index)
        .values_list("household_id", "household__dibao")
    )
    return rows.pop() if len(rows) == 1 else None


def case_household(case: Case) -> Household | None:
    """The one household whose member has the case's phone; None if none or several."""
    linked = _linked(case)
    if linked is None:
        return None
    return Household.objects.select_related("grid__village").filter(pk=linked[0]).first()


def household_cases(user: User, household: Household) -> QuerySet[Case]:
    """The cases ``user`` may see whose phone is a member's, and no other household's."""
    mine = set(_registry().filter(household=household).values_list("phone_index", flat=True))
    shared = _registry().filter(phone_index__in=mine).exclude(household=household)
    phones = mine - set(shared.values_list("phone_index", flat=True))
    return (
        visible_cases(user)
        .filter(resident__phone_index__in=phones)
        .select_related("category", "owner")
        .order_by("-submitted_at")
    )


def is_vulnerable(household: Household) -> bool:
    return household.dibao or _members_vulnerable(household.pk)


def _members_vulnerable(household_id: int) -> bool:
    members = Resident.objects.filter(household_id=household_id, moved_away_on__isnull=True)
    if members.filter(_MEMBER_MARKS).exists():
        return True
    # Health marks are encrypted: read for this household's few members, decided here.
    return any(person.health for person in members.only("health"))


def may_see_mark(user: User) -> bool:
    return bool(user.is_superuser or user.role in MARK_READERS)


def priority_mark(user: User, case: Case) -> bool:
    """Whether ``user`` (who may see the case) is shown that it comes from a vulnerable home."""
    if not may_see_mark(user):
        return False
    linked = _linked(case)
    if linked is None:
        return False
    household_id, dibao = linked
    return dibao or _members_vulnerable(household_id)
