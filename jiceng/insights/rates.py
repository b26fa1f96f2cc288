"""The three rates (响应率 / 解决率 / 满意率), the composite score and local-resolution shares.

The definitions live here and nowhere else; docs/rates.md explains them with
worked examples. All figures are computed from event and rating rows (never
from counters), per calendar month in local time. Consultations have no
clocks and no ratings, so they never count.

**Clocks belong to the unit that held the case.** An event with a response
deadline (``respond_by``) hands the case to its ``unit`` and starts that unit's
clock: dispatch, escalation and reopening, and submission, release and return
once they carry the dispatch centre's deadline for cases waiting to be
dispatched (:data:`HANDOVERS`). Until the
next handover the case is that unit's, so the first *response* after the clock
(:data:`RESPONSES`) is that unit's answer; the clock is answered in time when it
is at or before the deadline. A handover is itself a response, so escalating or
returning a case in time answers the giver's clock, and the receiver's clock
starts there. A clock counts in the month it started.

- response rate = clocks answered in time ÷ clocks;
- resolution rate = ratings saying "solved" ÷ ratings, for ``Rating.unit`` (the
  resolving unit), in the month rated;
- satisfaction rate = (满意 + w × 基本满意) ÷ ratings, w from settings;
- composite = weighted sum of the three (default 30/35/35), in points of 100.

**The area rule.** A unit sits in its ``Unit.division``. An area's figure adds up
the work of every unit sitting in it or under it: a village's is its village
committee's; a township's is its government's plus its village committees'; a
county's adds its departments, its government and its dispatch centre. Work is
never counted by where the case happened: a county department's case in a
village counts for the county, not for the village.

**Honest rankings.** Fewer than ``JICENG_RANKING_MIN_RATED`` ratings: shown as
too few, not ranked. Equal scores share a rank (1, 1, 3). Each rate carries its
count and a 95 % Wilson score interval.

Local-resolution shares (reported, not scored) are by place on purpose: of the
cases located in an area, how many were resolved by a village, township or
county unit.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

from django.conf import settings
from django.db import models
from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Substr
from django.utils import timezone

from jiceng.cases.models import CaseEvent, EventKind, Rating, Satisfaction
from jiceng.people.models import TIER_OF_KIND, Unit, UnitKind
from jiceng.places.codes import code_range
from jiceng.places.models import CODE_LENGTHS, Division

# The events that hand a case to a unit; each one carrying a ``respond_by`` starts a clock.
# Listed rather than "any kind" so that the (kind, at) index serves the month's range
# (bench/README.md); a new kind of handover with a deadline must be added here.
HANDOVERS = (
    EventKind.DISPATCH,
    EventKind.ESCALATE,
    EventKind.REOPEN,
    EventKind.SUBMIT,
    EventKind.RELEASE,
    EventKind.RETURN,
)
# What answers a clock: the holder took the case on, handed it on, or settled it.
RESPONSES = (
    EventKind.ACCEPT,
    EventKind.ESCALATE,
    EventKind.RETURN,
    EventKind.DISPATCH,
    EventKind.MERGE,
    EventKind.RESOLVE,
    EventKind.ANSWER,
)
# Units ranked against units of the same kind; the dispatch centre only gets its own line.
RANKED_KINDS = (UnitKind.VILLAGE, UnitKind.TOWNSHIP, UnitKind.DEPARTMENT)
Z_95 = 1.959963984540054  # the normal quantile of a two-sided 95 % interval

Bounds = list[tuple[datetime, datetime]]


def wilson(part: float, whole: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of ``part`` out of ``whole``; None when nothing was counted.

    Unlike ``p ± z·√(p(1−p)/n)`` it stays inside [0, 1] and is not zero-wide at 0 % or
    100 %, which is what lets a 1-out-of-1 be told from a 40-out-of-40.
    """
    if whole <= 0:
        return None
    p = part / whole
    z2 = z * z
    denominator = 1 + z2 / whole
    centre = (p + z2 / (2 * whole)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / whole + z2 / (4 * whole * whole))
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    """One rate as counted: ``part`` of ``whole`` (part may be weighted), and its interval."""

    part: float
    whole: int

    @property
    def value(self) -> float | None:
        return None if self.whole == 0 else self.part / self.whole

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.part, self.whole)


@dataclass
class AreaRates:
    """The month's counts of one area or one unit (``kind`` set), and what follows from them."""

    code: str = ""
    name: str = ""
    kind: str = ""  # the unit's kind; empty for an area
    unit_id: int | None = None
    dispatched: int = 0  # clocks started
    responded: int = 0  # of which answered in time
    rated: int = 0
    solved: int = 0
    satisfied: int = 0
    basically: int = 0
    resolved_by_tier: dict[str, int] = field(default_factory=dict)
    rank: int | None = None

    def add(self, other: AreaRates) -> None:
        """Add another's counts to these: the one way areas add up their units."""
        self.dispatched += other.dispatched
        self.responded += other.responded
        self.rated += other.rated
        self.solved += other.solved
        self.satisfied += other.satisfied
        self.basically += other.basically
        for tier, n in other.resolved_by_tier.items():
            self.resolved_by_tier[tier] = self.resolved_by_tier.get(tier, 0) + n

    @property
    def counts(self) -> tuple[int, ...]:
        return (
            self.dispatched,
            self.responded,
            self.rated,
            self.solved,
            self.satisfied,
            self.basically,
        )

    def set_counts(self, counts: Iterable[int]) -> None:
        (
            self.dispatched,
            self.responded,
            self.rated,
            self.solved,
            self.satisfied,
            self.basically,
        ) = counts

    @property
    def response(self) -> Rate:
        return Rate(self.responded, self.dispatched)

    @property
    def resolution(self) -> Rate:
        return Rate(self.solved, self.rated)

    @property
    def satisfaction(self) -> Rate:
        weight = settings.JICENG_BASIC_SATISFIED_WEIGHT / 100
        return Rate(self.satisfied + weight * self.basically, self.rated)

    @property
    def response_rate(self) -> float | None:
        return self.response.value

    @property
    def resolution_rate(self) -> float | None:
        return self.resolution.value

    @property
    def satisfaction_rate(self) -> float | None:
        return self.satisfaction.value

    @property
    def composite(self) -> float | None:
        rates = [self.response_rate, self.resolution_rate, self.satisfaction_rate]
        known = [rate for rate in rates if rate is not None]
        if len(known) < len(rates):
            return None
        return sum(w * r for w, r in zip(settings.JICENG_SCORE_WEIGHTS, known, strict=True))

    @property
    def too_few(self) -> bool:
        """Too few ratings to rank on: shown, never ranked."""
        return self.rated < settings.JICENG_RANKING_MIN_RATED

    def local_share(self, tier: str) -> float | None:
        whole = sum(self.resolved_by_tier.values())
        return None if whole == 0 else self.resolved_by_tier.get(tier, 0) / whole


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


# --- counting ---------------------------------------------------------------------------------


def first_response_at() -> Subquery:
    """For a clock (the outer event row): when the case was first answered after it."""
    return Subquery(
        CaseEvent.objects.filter(
            case_id=OuterRef("case_id"), kind__in=RESPONSES, seq__gt=OuterRef("seq")
        )
        .order_by("seq")
        .values("at")[:1]
    )


def answered_in_time() -> Q:
    """On clocks annotated with ``answered_at``: the first response came by the deadline."""
    return Q(answered_at__lte=F("respond_by"))


def clocks() -> QuerySet[CaseEvent]:
    """Every clock: an event handing the case to a unit with a response deadline."""
    handovers = CaseEvent.objects.filter(kind__in=HANDOVERS)
    return handovers.filter(respond_by__isnull=False, unit__isnull=False).annotate(
        answered_at=first_response_at()
    )


def _position(bounds: Bounds) -> models.Case:
    """The index of the month an ``at`` falls in; boundaries are made in Python (local time)."""
    whens = [When(at__lt=end, then=Value(i)) for i, (_start, end) in enumerate(bounds)]
    return models.Case(*whens, output_field=IntegerField())


def _grouped(
    rows: QuerySet,  # type: ignore[type-arg]
    *,
    within: str,
    bounds: Bounds,
    holder: models.Expression | F | None,
) -> QuerySet:  # type: ignore[type-arg]
    """Rows of the months in ``bounds`` whose unit sits under ``within``, grouped by month
    and, if given, by ``holder`` (the unit, or the area the unit sits in)."""
    rows = rows.filter(at__gte=bounds[0][0], at__lt=bounds[-1][1])
    if within:
        # Compared through a function, not as a range: given a range on the units' codes,
        # SQLite starts from the units and reads every row they ever had, instead of the
        # month's rows (bench/README.md, "The monthly three-rate ranking").
        sits = Substr("unit__division_id", 1, len(within))
        rows = rows.annotate(unit_code=sits).filter(unit_code=within)
    rows = rows.annotate(position=_position(bounds))
    if holder is None:
        return rows.values("position")
    return rows.annotate(holder=holder).values("position", "holder")


def count_work(
    *, within: str, bounds: Bounds, holder: models.Expression | F | None
) -> dict[tuple[object, int], AreaRates]:
    """Clocks and ratings of the units under ``within``, per (holder, month index).

    Two queries whatever the number of months or holders.
    """
    found: dict[tuple[object, int], AreaRates] = {}

    def row(group: dict[str, object]) -> AreaRates:
        key = (group.get("holder"), int(group["position"]))  # type: ignore[call-overload]
        return found.setdefault(key, AreaRates())

    in_scope = partial(_grouped, within=within, bounds=bounds, holder=holder)
    in_time = Count("id", filter=answered_in_time())
    timed = in_scope(clocks()).annotate(n=Count("id"), in_time=in_time)
    for group in timed:
        counts = row(group)
        counts.dispatched, counts.responded = group["n"], group["in_time"]
    ratings = in_scope(Rating.objects.all())
    for group in ratings.annotate(
        n=Count("id"),
        solved_n=Count("id", filter=Q(solved=True)),
        satisfied_n=Count("id", filter=Q(satisfaction=Satisfaction.SATISFIED)),
        basically_n=Count("id", filter=Q(satisfaction=Satisfaction.BASICALLY)),
    ):
        counts = row(group)
        counts.rated, counts.solved = group["n"], group["solved_n"]
        counts.satisfied, counts.basically = group["satisfied_n"], group["basically_n"]
    return found


def _resolutions_by_place(year: int, month: int, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    start, end = month_bounds(year, month)
    return (
        CaseEvent.objects.filter(kind=EventKind.RESOLVE, at__gte=start, at__lt=end)
        .filter(code_range("division_code", within))
        .annotate(area=Substr("division_code", 1, length))
        .values("area", "unit__kind")
        .annotate(n=Count("id"))
    )


# --- what the pages read ----------------------------------------------------------------------


@dataclass
class MonthFigures:
    """One month under an area, every figure from the same count of its units' work."""

    areas: list[AreaRates]  # the area's children (townships or villages), ranked
    units_here: list[AreaRates]  # the units sitting at the area itself, ranked by kind
    total: AreaRates  # the area itself: all its units added up


def _unit_lines(*, year: int, month: int, within: str) -> dict[int, AreaRates]:
    """One line per unit under ``within`` with the month's clocks and ratings."""
    units = Unit.objects.filter(code_range("division_id", within)).order_by("kind", "name")
    lines = {
        unit.pk: AreaRates(code=unit.division_id, name=unit.name, kind=unit.kind, unit_id=unit.pk)
        for unit in units.only("id", "division_id", "name", "kind")
    }
    bounds = [month_bounds(year, month)]
    for (unit_id, _month), counts in count_work(
        within=within, bounds=bounds, holder=F("unit_id")
    ).items():
        if unit_id in lines:
            lines[unit_id].add(counts)  # type: ignore[index]
    return lines


def _rank_units(lines: Iterable[AreaRates]) -> list[AreaRates]:
    """Each kind ranked against itself; kinds not ranked (the dispatch centre) come last."""
    ranked: list[AreaRates] = []
    lines = list(lines)
    for kind in [*RANKED_KINDS, *(k for k in UnitKind if k not in RANKED_KINDS)]:
        peers = [line for line in lines if line.kind == kind]
        ranked += rank(peers) if kind in RANKED_KINDS else sorted(peers, key=lambda r: r.name)
    return ranked


def _areas(
    lines: Iterable[AreaRates], *, year: int, month: int, within: str, level: str
) -> list[AreaRates]:
    """The area rule: each division of ``level`` adds up the units sitting in or under it."""
    length = CODE_LENGTHS[level]
    divisions = Division.objects.filter(level=level).filter(code_range("code", within))
    areas = {
        code: AreaRates(code=code, name=name)
        for code, name in divisions.values_list("code", "name")
    }
    for line in lines:
        area = areas.get(line.code[:length]) if len(line.code) >= length else None
        if area is not None:
            area.add(line)
    for group in _resolutions_by_place(year, month, within, length):
        if group["area"] in areas:
            tier = TIER_OF_KIND[group["unit__kind"]]
            tiers = areas[group["area"]].resolved_by_tier
            tiers[tier] = tiers.get(tier, 0) + group["n"]
    return rank(list(areas.values()))


def month_figures(
    *, year: int, month: int, within: str, level: str, name: str = ""
) -> MonthFigures:
    """The children of ``level`` under ``within``, the units sitting at ``within`` and its
    total, from one count of the month's clocks and ratings per unit."""
    lines = _unit_lines(year=year, month=month, within=within)
    areas = _areas(lines.values(), year=year, month=month, within=within, level=level)
    total = AreaRates(code=within, name=name)
    for line in lines.values():
        total.add(line)
    here = _rank_units(line for line in lines.values() if within and line.code == within)
    return MonthFigures(areas=areas, units_here=here, total=total)


def monthly_rates(*, year: int, month: int, within: str, level: str) -> list[AreaRates]:
    """Every division of ``level`` under ``within``, its units' work added up, ranked."""
    return month_figures(year=year, month=month, within=within, level=level).areas


def area_months(*, code: str, name: str, months: list[tuple[int, int]]) -> list[AreaRates]:
    """One area's counts for each of ``months`` (consecutive), by the same area rule."""
    bounds = [month_bounds(year, month) for year, month in months]
    rows = [AreaRates(code=code, name=name) for _ in months]
    for (_holder, position), counts in count_work(within=code, bounds=bounds, holder=None).items():
        rows[position].add(counts)
    return rows


def unit_rates(*, year: int, month: int, within: str) -> list[AreaRates]:
    """One line per unit under ``within``, ranked against the units of the same kind."""
    return _rank_units(_unit_lines(year=year, month=month, within=within).values())


def _score(row: AreaRates) -> float:
    # Rounded so that float noise in equal sums of equal rates does not split a tie.
    return round(row.composite or 0.0, 9)


def rank(rows: list[AreaRates]) -> list[AreaRates]:
    """Best composite first; equal scores share a rank (1, 1, 3).

    Rows without a score, or with too few ratings, are not ranked and come last.
    """
    eligible = [r for r in rows if r.composite is not None and not r.too_few]
    scored = sorted(eligible, key=lambda r: (-_score(r), r.code, r.name))
    for position, row in enumerate(scored, start=1):
        before = scored[position - 2] if position > 1 else None
        tied = before is not None and _score(before) == _score(row)
        row.rank = before.rank if tied and before is not None else position
    chosen = {id(r) for r in eligible}
    rest = sorted((r for r in rows if id(r) not in chosen), key=lambda r: (r.code, r.name))
    for row in rest:
        row.rank = None
    return scored + rest
