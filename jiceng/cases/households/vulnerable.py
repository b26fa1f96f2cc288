"""What makes a household vulnerable: 低保, or a member alone, left behind, poor or marked."""

from __future__ import annotations

from django.db.models import Q

from jiceng.people.models import Household, Resident

_MEMBER_MARKS = Q(elderly_alone=True) | Q(left_behind_child=True) | Q(extreme_poverty=True)


def is_vulnerable(household: Household) -> bool:
    return household.dibao or members_vulnerable(household.pk)


def members_vulnerable(household_id: int) -> bool:
    members = Resident.objects.filter(household_id=household_id, moved_away_on__isnull=True)
    if members.filter(_MEMBER_MARKS).exists():
        return True
    # Health marks are encrypted: read for this household's few members, decided here.
    return any(person.health for person in members.only("health"))
