"""Keeping the cells: the worker's incremental ``refresh`` and the full ``rebuild``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.db.models import Max, Min

from jiceng.cases.models import Case, CaseEvent, Rating
from jiceng.core import clock
from jiceng.insights.rollups.cells import month_of, months_from, recount
from jiceng.insights.rollups.models import (
    RateCell,
    RateMonth,
    ReceivedCell,
    ResolutionCell,
    RollupMark,
)
from jiceng.insights.rollups.reading import forget_rolled_up
from jiceng.insights.rollups.received import recount_received, submitted_places
from jiceng.insights.rollups.resolved import recount_resolutions
from jiceng.insights.rollups.touched import cells_of_cases, resolved_places, touched_cases

# Events are stamped before their transaction commits; one that commits late, with an id
# below the watermark, is still found by its time as long as it took less than this.
OVERLAP = timedelta(minutes=10)
# Empty months cost a rebuild next to nothing; the dashboard's trend reads twelve.
MONTHS_BACK = 24


@dataclass(frozen=True)
class HighWater:
    event_id: int
    rating_id: int
    at: datetime


@contextmanager
def claimed() -> Iterator[RollupMark]:
    """A transaction holding the watermark row's lock: the one writer of cells meanwhile."""
    with transaction.atomic():
        RollupMark.objects.get_or_create(pk=1)
        RollupMark.objects.filter(pk=1).update(claimed_at=clock.now())
        yield RollupMark.objects.get(pk=1)


def _high_water() -> HighWater:
    events = CaseEvent.objects.aggregate(top=Max("id"))["top"] or 0
    ratings = Rating.objects.aggregate(top=Max("id"))["top"] or 0
    return HighWater(event_id=events, rating_id=ratings, at=clock.now())


def _save(mark: RollupMark, high: HighWater) -> None:
    mark.last_event_id, mark.last_rating_id, mark.seen_at = high.event_id, high.rating_id, high.at
    mark.save(update_fields=["last_event_id", "last_rating_id", "seen_at"])


def _cover(months: list[date]) -> None:
    """Readers may take these months from the cells from now on."""
    now = clock.now()
    for month in months:
        RateMonth.objects.update_or_create(month=month, defaults={"counted_at": now})
    forget_rolled_up()


def months_with_work() -> list[date]:
    """The months a full rebuild counts: from the first case's, or from ``MONTHS_BACK``
    months ago if that is earlier (so that a trend reaching before the first case is read
    from the cells too), to this month."""
    first = Case.objects.aggregate(first=Min("submitted_at"))["first"]
    this_month = month_of(clock.now())
    back = months_from(date(this_month.year - 3, this_month.month, 1), this_month)[-MONTHS_BACK]
    return months_from(min(month_of(first), back) if first else back, this_month)


def rebuild(*, months: list[date] | None = None, within: str = "") -> int:
    """Recount whole months (every month with work if None), each in its own transaction.

    Without ``within`` the months become covered; a rebuild of every month also sets the
    watermark, so that the worker carries on from there.
    """
    high = _high_water()
    everything = months is None and not within
    written = 0
    for month in months_with_work() if months is None else months:
        with claimed():
            written += recount(month, within=within)
            written += recount_resolutions(month, within=within)
            written += recount_received(month, within=within)
            if not within:
                _cover([month])
    if everything:
        with claimed() as mark:
            _save(mark, high)
    return written


def discard() -> None:
    """Forget every cell and the watermark: for when history itself is deleted (a demo
    reset), which no incremental refresh can follow. The next refresh builds anew."""
    with claimed():
        RateCell.objects.all().delete()
        ResolutionCell.objects.all().delete()
        ReceivedCell.objects.all().delete()
        RateMonth.objects.all().delete()
        RollupMark.objects.all().delete()
    forget_rolled_up()


def refresh() -> int:
    """The worker's job: recount the cells of every case touched since the watermark.

    Builds everything on the first run. Returns the number of cells written.
    """
    mark = RollupMark.objects.filter(pk=1).first()
    if mark is None or mark.last_event_id is None or mark.seen_at is None:
        return rebuild()
    with claimed() as mark:
        high = _high_water()
        since = (mark.last_event_id or 0, mark.last_rating_id or 0, (mark.seen_at or high.at))
        cases = touched_cases(event_id=since[0], rating_id=since[1], at=since[2] - OVERLAP)
        written = 0
        for month, units in sorted(cells_of_cases(cases).items()):
            written += recount(month, units=units)
        places = resolved_places(event_id=since[0], at=since[2] - OVERLAP)
        for month, codes in sorted(places.items()):
            written += recount_resolutions(month, places=codes)
        received = submitted_places(event_id=since[0], at=since[2] - OVERLAP)
        for month, codes in sorted(received.items()):
            written += recount_received(month, places=codes)
        _cover(months_from(month_of(since[2]), month_of(high.at)))
        _save(mark, high)
    return written
