"""The registry's one household with a case's phone, matched by the blind phone index."""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.cases.models import Case
from jiceng.people.models import Resident


def registry() -> QuerySet[Resident]:
    """Present people of the registry (in a household, not moved away, not purged)."""
    return Resident.objects.filter(
        household__isnull=False, moved_away_on__isnull=True, purged_at__isnull=True
    ).exclude(phone_index="")


def linked_household(case: Case) -> tuple[int, bool] | None:
    """The linked household's id and its 低保 mark, in one query; None if none or several."""
    resident = case.resident
    if resident is None or not resident.phone_index:
        return None
    rows = set(
        registry()
        .filter(phone_index=resident.phone_index)
        .values_list("household_id", "household__dibao")
    )
    return rows.pop() if len(rows) == 1 else None
