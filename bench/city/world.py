"""What the generator needs to know of the onboarded city, read once before the workers fork.

Routing is ``cases.catalogue.unit_for_tier`` with its two reads done up front: the
county's catalogue lines (``DispatchRule``) and, where a line names no unit, the place's
own unit through the application's ``unit_for_code``, for every place of the city.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, tzinfo
from types import SimpleNamespace

from django.utils import timezone

from jiceng.cases.models import Category, DispatchRule, TimeLimit
from jiceng.cases.services.prepare import number_for
from jiceng.core import calendar
from jiceng.core.crypto import history_key
from jiceng.core.fast.chaintext import Linker
from jiceng.people.models import TIER_OF_KIND, Role, Unit, UnitKind, User
from jiceng.people.units import unit_for_code
from jiceng.places.models import Division

Limit = tuple[int, str, int, str]  # respond amount, unit; resolve amount, unit
PREFIX = {"village": 12, "township": 9, "county": 6}


@dataclass
class World:
    key: bytes
    limits: dict[str, Limit]  # category code, or "emergency"
    first_tier: dict[str, str]
    centres: dict[str, int]  # county code → dispatch centre
    dispatchers: dict[str, list[int]]
    staff: dict[int, int]  # unit → a member of staff acting for it
    tiers: dict[int, str]  # unit → its tier
    residents: list[int]
    zone: tzinfo = UTC
    _days: dict[tuple[date, int], datetime] = field(default_factory=dict)
    rules: dict[tuple[str, str, str], int] = field(default_factory=dict)
    own_units: dict[str, int] = field(default_factory=dict)  # division code → its own unit
    _numbered: dict[date, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.linker = Linker(self.key)  # hashchain.link's HMAC, its key's states made once

    def number(self, at: datetime, case_id: int) -> str:
        """``services.prepare.number_for`` of a case submitted at ``at``: its local day is
        written by ``number_for`` itself, once a day."""
        day = at.astimezone(self.zone).date()
        prefix = self._numbered.get(day)
        if prefix is None:
            first = SimpleNamespace(submitted_at=at, pk=0)
            prefix = self._numbered[day] = number_for(first)[:-6]  # type: ignore[arg-type]
        return f"{prefix}{case_id:06d}"

    def unit_for(self, category: str, code: str, tier: str) -> int:
        """The catalogue's unit for ``category`` at village ``code`` on ``tier``."""
        rule = self.rules.get((code[:6], category, tier))
        return rule if rule is not None else self.own_units[code[: PREFIX[tier]]]

    def deadlines(self, limit: str, start: datetime) -> tuple[datetime, datetime]:
        """respond_by and resolve_by of a clock from ``start`` (``clocks.deadlines_from``)."""
        r_amount, r_unit, s_amount, s_unit = self.limits[limit]
        return self._deadline(start, r_amount, r_unit), self._deadline(start, s_amount, s_unit)

    def _deadline(self, start: datetime, amount: int, unit: str) -> datetime:
        """``calendar.deadline``; a working-day limit depends only on the local day it starts."""
        if unit != calendar.WORKING_DAYS:
            return calendar.deadline(start, amount, unit)
        key = (start.astimezone(self.zone).date(), amount)
        found = self._days.get(key)
        if found is None:
            found = self._days[key] = calendar.deadline(start, amount, unit)
        return found


def _limits() -> dict[str, Limit]:
    by_code = {
        t.code: (t.respond_amount, t.respond_unit, t.resolve_amount, t.resolve_unit)
        for t in TimeLimit.objects.all()
    }
    found = {c.code: by_code[c.time_limit_id] for c in Category.objects.filter(active=True)}
    found["emergency"] = by_code["emergency"]
    return found


def _routes(city: str) -> tuple[dict[tuple[str, str, str], int], dict[str, int]]:
    lines = DispatchRule.objects.filter(county__code__startswith=city, unit__isnull=False)
    rules = {(r.county_id, r.category_id, r.tier): r.unit_id for r in lines}
    own = {}
    for code in Division.objects.filter(code__startswith=city).values_list("code", flat=True):
        unit = unit_for_code(code)
        if unit is not None:
            own[code] = unit.pk
    return rules, own  # type: ignore[return-value]


def load_world(city: str, residents: list[int]) -> World:
    units = Unit.objects.filter(division__code__startswith=city)
    staff: dict[int, int] = {}
    dispatchers: dict[str, list[int]] = {}
    for user in User.objects.filter(unit__division__code__startswith=city, is_active=True).order_by(
        "pk"
    ):
        if user.role == Role.DISPATCHER:
            dispatchers.setdefault(user.jurisdiction[:6], []).append(user.pk)
        elif user.role not in (Role.LEADER, Role.COUNTY_ADMIN):
            staff.setdefault(user.unit_id, user.pk)  # type: ignore[arg-type]
    categories = Category.objects.filter(active=True)
    rules, own = _routes(city)
    return World(
        zone=timezone.get_current_timezone(),
        rules=rules,
        own_units=own,
        key=history_key(),
        limits=_limits(),
        first_tier={c.code: c.first_tier for c in categories},
        centres={u.division_id: u.pk for u in units.filter(kind=UnitKind.DISPATCH)},
        dispatchers=dispatchers,
        staff=staff,
        tiers={u.pk: TIER_OF_KIND[u.kind] for u in units},
        residents=residents,
    )
