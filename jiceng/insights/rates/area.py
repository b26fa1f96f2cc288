"""The month's counts of one area or unit, and the rates and score that follow from them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings

from jiceng.insights.rates.interval import Rate


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
