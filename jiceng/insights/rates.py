"""The three rates (响应率 / 解决率 / 满意率), the composite score and local-resolution shares.

All figures are computed from event and rating rows (never from counters),
per area (a township or village code) and calendar month in local time.
Consultations have no clock events and no ratings, so they never count.

- response rate = clock events (dispatch, escalate, reopen) answered by an
  acceptance of the same unit before that clock's response deadline
  ÷ clock events, counted in the month of the clock event;
- resolution rate = ratings saying "solved" ÷ ratings, in the month rated;
- satisfaction rate = (满意 + w × 基本满意) ÷ ratings, w from settings;
- composite = weighted sum of the three (default 30/35/35), in points of 100;
- local-resolution shares = resolutions in the month by the tier of the resolving unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from jiceng.cases.models import CLOCK_EVENTS, CaseEvent, EventKind, Rating, Satisfaction
from jiceng.people.models import TIER_OF_KIND
from jiceng.places.models import CODE_LENGTHS, Division


@dataclass
class AreaRates:
    code: str
    name: str
    dispatched: int = 0
    responded: int = 0
    rated: int = 0
    solved: int = 0
    satisfied: int = 0
    basically: int = 0
    resolved_by_tier: dict[str, int] = field(default_factory=dict)
    rank: int | None = None

    @staticmethod
    def _ratio(part: float, whole: int) -> float | None:
        return None if whole == 0 else part / whole

    @property
    def response_rate(self) -> float | None:
        return self._ratio(self.responded, self.dispatched)

    @property
    def resolution_rate(self) -> float | None:
        return self._ratio(self.solved, self.rated)

    @property
    def satisfaction_rate(self) -> float | None:
        weight = settings.JICENG_BASIC_SATISFIED_WEIGHT / 100
        return self._ratio(self.satisfied + weight * self.basically, self.rated)

    @property
    def composite(self) -> float | None:
        rates = [self.response_rate, self.resolution_rate, self.satisfaction_rate]
        known = [rate for rate in rates if rate is not None]
        if len(known) < len(rates):
            return None
        return sum(w * r for w, r in zip(settings.JICENG_SCORE_WEIGHTS, known, strict=True))

    def local_share(self, tier: str) -> float | None:
        return self._ratio(self.resolved_by_tier.get(tier, 0), sum(self.resolved_by_tier.values()))


def month_bounds(year: int, month: int) -> tuple[datetime, datetime]:
    zone = timezone.get_current_timezone()
    start = datetime(year, month, 1, tzinfo=zone)
    end = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start, end


def _in_month(rows: QuerySet, year: int, month: int, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    start, end = month_bounds(year, month)
    return rows.filter(at__gte=start, at__lt=end, division_code__startswith=within).annotate(
        area=Substr("division_code", 1, length)
    )


def answered_in_time() -> Exists:
    """For a clock event (the outer row): the same unit accepted after it, before its deadline."""
    return Exists(
        CaseEvent.objects.filter(
            case_id=OuterRef("case_id"),
            kind=EventKind.ACCEPT,
            seq__gt=OuterRef("seq"),
            unit_id=OuterRef("unit_id"),
            at__lte=OuterRef("respond_by"),
        )
    )


def _responses(year: int, month: int, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    clocks = CaseEvent.objects.filter(kind__in=CLOCK_EVENTS)
    return (
        _in_month(clocks, year, month, within, length)
        .values("area")
        .annotate(
            dispatched=Count("id"),
            responded=Count("id", filter=Q(answered_in_time())),
        )
    )


def _ratings(year: int, month: int, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    return (
        _in_month(Rating.objects.all(), year, month, within, length)
        .values("area")
        .annotate(
            rated=Count("id"),
            solved=Count("id", filter=Q(solved=True)),
            satisfied=Count("id", filter=Q(satisfaction=Satisfaction.SATISFIED)),
            basically=Count("id", filter=Q(satisfaction=Satisfaction.BASICALLY)),
        )
    )


def _resolutions(year: int, month: int, within: str, length: int) -> QuerySet:  # type: ignore[type-arg]
    resolves = CaseEvent.objects.filter(kind=EventKind.RESOLVE)
    return (
        _in_month(resolves, year, month, within, length)
        .values("area", "unit__kind")
        .annotate(n=Count("id"))
    )


def monthly_rates(*, year: int, month: int, within: str, level: str) -> list[AreaRates]:
    """Rates for every division of ``level`` under ``within``, ranked by composite score."""
    length = CODE_LENGTHS[level]
    areas = {
        code: AreaRates(code=code, name=name)
        for code, name in Division.objects.filter(level=level, code__startswith=within).values_list(
            "code", "name"
        )
    }
    for row in _responses(year, month, within, length):
        if row["area"] in areas:
            areas[row["area"]].dispatched = row["dispatched"]
            areas[row["area"]].responded = row["responded"]
    for row in _ratings(year, month, within, length):
        if row["area"] in areas:
            area = areas[row["area"]]
            area.rated, area.solved = row["rated"], row["solved"]
            area.satisfied, area.basically = row["satisfied"], row["basically"]
    for row in _resolutions(year, month, within, length):
        if row["area"] in areas:
            tier = TIER_OF_KIND[row["unit__kind"]]
            tiers = areas[row["area"]].resolved_by_tier
            tiers[tier] = tiers.get(tier, 0) + row["n"]
    return rank(list(areas.values()))


def rank(rows: list[AreaRates]) -> list[AreaRates]:
    """Order by composite score, best first; equal scores share a rank; no score comes last."""
    scored = sorted(
        (r for r in rows if r.composite is not None),
        key=lambda r: (-round(r.composite or 0, 9), r.code),
    )
    for position, row in enumerate(scored, start=1):
        before = scored[position - 2] if position > 1 else None
        tied = before is not None and round(before.composite or 0, 9) == round(
            row.composite or 0, 9
        )
        row.rank = before.rank if tied and before is not None else position
    unscored = sorted((r for r in rows if r.composite is None), key=lambda r: r.code)
    return scored + unscored
