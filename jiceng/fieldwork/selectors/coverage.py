"""Coverage, the figure that goes upward: the share of vulnerable households visited
recently enough. There is deliberately no count of visits per cadre."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.fieldwork.selectors.intervals import ALL_KINDS, KIND_LABELS, MEMBER_KINDS, intervals
from jiceng.fieldwork.selectors.months import add_months, months_before
from jiceng.fieldwork.villages import may_see_village, villages_for
from jiceng.people.models import Household, Resident, User
from jiceng.places.models import Division


@dataclass
class CoverageRow:
    household: Household
    kinds: list[str]
    last_visit: date | None
    due_by: date | None
    overdue: bool

    @property
    def kind_labels(self) -> list[str]:
        return [str(KIND_LABELS[kind]) for kind in self.kinds]


@dataclass
class Coverage:
    village: Division
    rows: list[CoverageRow] = field(default_factory=list)

    @property
    def vulnerable(self) -> int:
        return len(self.rows)

    @property
    def covered(self) -> int:
        return sum(1 for row in self.rows if not row.overdue)

    @property
    def share(self) -> float | None:
        return self.covered / self.vulnerable if self.rows else None

    @property
    def overdue_rows(self) -> list[CoverageRow]:
        return [row for row in self.rows if row.overdue]


def present(flag: str) -> Exists:
    return Exists(
        Resident.objects.filter(
            household=OuterRef("pk"), moved_away_on__isnull=True, **{flag: True}
        )
    )


def health_marks(village_code: str) -> dict[int, set[str]]:
    """Health marks per household of the village: encrypted, so read and decided here.

    One query and one decryption per present member of one village (a few
    thousand at most); nothing about health leaves this function but the kinds.
    """
    members = Resident.objects.filter(
        household__grid__village_id=village_code, moved_away_on__isnull=True
    ).values_list("household_id", "health")
    marks: dict[int, set[str]] = {}
    for household_id, flags in members:
        if flags:
            marks.setdefault(household_id, set()).update(flags)
    return marks


def vulnerable(village_code: str, health_marked: list[int]) -> QuerySet[Household]:
    households = Household.objects.filter(grid__village_id=village_code).annotate(
        **{kind: present(kind) for kind in MEMBER_KINDS},
        last_visit=Max("visits__visited_on"),
    )
    any_kind = Q(dibao=True) | Q(pk__in=health_marked)
    for kind in MEMBER_KINDS:
        any_kind |= Q(**{kind: True})
    return households.filter(any_kind).order_by("grid_id", "id")


def coverage(user: User, village: Division, *, today: date | None = None) -> Coverage:
    """Vulnerable households of one village and whether each was visited recently enough."""
    if not may_see_village(user, village):
        raise NotAllowed(_("This village is outside your area."))
    today = today or timezone.localdate(clock.now())
    months = intervals()
    result = Coverage(village=village)
    marks = health_marks(village.code)
    for household in vulnerable(village.code, list(marks)):
        found = marks.get(household.pk, set())
        kinds = [k for k in ALL_KINDS if k in found or getattr(household, k, False)]
        interval = min(months[kind] for kind in kinds)
        last: date | None = household.last_visit  # type: ignore[attr-defined]
        due_by = None if last is None else add_months(last, interval)
        overdue = last is None or last < months_before(today, interval)
        result.rows.append(CoverageRow(household, kinds, last, due_by, overdue))
    return result


def coverage_by_village(user: User, *, today: date | None = None) -> list[Coverage]:
    """The upward figure: coverage per village of the user's area, in code order."""
    return [coverage(user, village, today=today) for village in villages_for(user)]
