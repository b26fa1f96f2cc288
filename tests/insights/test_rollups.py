"""The rate rollups: after the worker's refresh, every figure the pages read equals a count
of the events, through escalation, returns, reopening, merging and month boundaries.

"Live" figures are the same functions read while no month is rolled up (before the first
refresh, or once the months' coverage rows are removed): the plain count of the events.
"""

from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.core import clock
from jiceng.insights.rates import area_months, monthly_rates, unit_rates
from jiceng.insights.rollups.check import differences, rolled_up
from jiceng.insights.rollups.models import (
    RateCell,
    RateMonth,
    ReceivedCell,
    ResolutionCell,
    RollupMark,
)
from jiceng.insights.rollups.reading import forget_rolled_up, rolled_up_months
from jiceng.insights.rollups.refresh import refresh
from jiceng.insights.tasks import rollups_refresh_task

from factories import BAISHU, FENGQIAO, JIANGDONG, at, local, resolve_and_rate, submit

pytestmark = pytest.mark.django_db

MON = local(2026, 3, 2, 9, 0)
HOUR = timedelta(hours=1)
MONTHS = [(2026, 1), (2026, 2), (2026, 3), (2026, 4)]


def _dispatched(users, moment=MON, **extra):
    case = at(moment, submit, users=users, **extra)
    at(moment, services.case_dispatch, case=case, by=users["dispatcher"])
    return case


def _line(row):
    return (row.code, row.name, row.unit_id, row.counts, row.rank, row.resolved_by_tier)


def _figures():
    """Everything the ranking, the dashboard and the API read, for four months."""
    found = {}
    for year, month in MONTHS:
        found[(year, month, "units")] = [
            _line(r) for r in unit_rates(year=year, month=month, within="330681")
        ]
        for within, level in (("330681", "township"), (FENGQIAO, "village"), ("", "county")):
            rows = monthly_rates(year=year, month=month, within=within, level=level)
            found[(year, month, within)] = [_line(r) for r in rows]
    found["trend"] = [r.counts for r in area_months(code="330681", name="", months=MONTHS)]
    found["trend-fengqiao"] = [r.counts for r in area_months(code=FENGQIAO, name="", months=MONTHS)]
    return found


def _live_figures():
    """The figures counted from the events: with no month rolled up."""
    RateMonth.objects.all().delete()
    forget_rolled_up()
    return _figures()


def _every_kind_of_case(users, org):
    """Escalation, return and transfer to another village, reopening with a second rating,
    a merged duplicate rated, department work: the cases docs/rates.md works through."""
    escalated = _dispatched(users)
    at(MON + HOUR, services.case_accept, case=escalated, by=users["cadre"])
    at(MON + 2 * HOUR, services.case_escalate, case=escalated, by=users["cadre"], reason="需镇协调")
    at(MON + 3 * HOUR, services.case_accept, case=escalated, by=users["township"])
    unsigned = _dispatched(users)
    at(MON + HOUR, services.case_escalate, case=unsigned, by=users["cadre"], reason="需镇协调")
    at(MON + 26 * HOUR, services.case_accept, case=unsigned, by=users["township"])
    moved = _dispatched(users)
    at(MON + 6 * HOUR, services.case_return, case=moved, by=users["cadre"], reason="不属本村")
    at(
        MON + 7 * HOUR,
        services.case_dispatch,
        case=moved,
        by=users["dispatcher"],
        unit=org["baishu"],
    )
    at(MON + 8 * HOUR, services.case_accept, case=moved, by=users["neighbour_cadre"])
    resolve_and_rate(users, moved, MON + 30 * HOUR, "basically", True, by="neighbour_cadre")
    reopened = _dispatched(users)
    at(MON + HOUR, services.case_accept, case=reopened, by=users["cadre"])
    resolve_and_rate(users, reopened, MON + 24 * HOUR, "unsatisfied", False)
    at(MON + 49 * HOUR, services.case_accept, case=reopened, by=users["cadre"])
    resolve_and_rate(users, reopened, MON + 72 * HOUR, "satisfied", True)
    duplicate = _dispatched(users, MON + HOUR)
    at(MON + 2 * HOUR, services.case_merge, case=duplicate, into=reopened, by=users["cadre"])
    at(MON + 80 * HOUR, services.case_rate, case=duplicate, solved=True, satisfaction="satisfied")
    water = _dispatched(users, category="utilities")
    at(MON + HOUR, services.case_accept, case=water, by=users["water"])
    resolve_and_rate(users, water, MON + 5 * HOUR, "satisfied", True, by="water")
    elsewhere = _dispatched(users, village=JIANGDONG)
    at(MON + 30 * HOUR, services.case_accept, case=elsewhere, by=users["outsider_cadre"])


def test_after_a_refresh_every_figure_equals_the_count_of_the_events(users, org):
    _every_kind_of_case(users, org)
    live = _figures()  # nothing rolled up yet: counted from the events
    assert RateCell.objects.count() == 0
    written = at(MON + 100 * HOUR, refresh)
    assert RateCell.objects.count() > 0
    cells = (RateCell, ResolutionCell, ReceivedCell)
    assert written == sum(model.objects.count() for model in cells)
    assert {m for m in rolled_up_months()} >= {local(2026, 3, 1, 0, 0).date()}
    assert _figures() == live
    assert list(differences(months=rolled_up())) == []


def test_a_rolled_up_month_is_read_from_the_cells_in_one_query(
    users, org, django_assert_num_queries
):
    _every_kind_of_case(users, org)
    at(MON + 100 * HOUR, refresh)
    rolled_up_months()  # the coverage is kept for a few seconds per process
    with django_assert_num_queries(1):
        county = area_months(code="330681", name="诸暨市", months=[(2026, 3)])[0]
    tianzhu = RateCell.objects.get(unit=org["tianzhu"])
    # 天竺: four clocks (escalated, unsigned, moved, reopened) plus the reopening and the
    # merged duplicate's; three ratings: the reopened case's two and the duplicate's, which
    # counts for the unit that resolved the case it was merged into.
    assert (tianzhu.dispatched, tianzhu.rated) == (6, 3)
    assert county.counts == _live_figures()["trend"][2]


def test_an_answer_after_a_refresh_reaches_the_earlier_month_at_the_next_one(users, org):
    # Saturday 28 February 22:00 in Shanghai; answered at 00:30 on 1 March, local time,
    # which is still 28 February in UTC. The clock counts in February, where it started.
    late_night = local(2026, 2, 28, 22, 0)
    case = _dispatched(users, late_night)
    at(late_night + HOUR / 2, refresh)
    before = RateCell.objects.get(unit=org["tianzhu"])
    assert (before.month.month, before.dispatched, before.responded) == (2, 1, 0)
    after_midnight = local(2026, 3, 1, 0, 30)
    at(after_midnight, services.case_accept, case=case, by=users["cadre"])
    _dispatched(users, after_midnight)  # a new clock on 1 March local time: March
    assert list(differences(months=rolled_up()))  # stale until the worker's next run
    at(after_midnight + HOUR, refresh)
    feb, mar = RateCell.objects.filter(unit=org["tianzhu"]).order_by("month")
    assert (feb.month.month, feb.dispatched, feb.responded) == (2, 1, 1)
    assert (mar.month.month, mar.dispatched, mar.responded) == (3, 1, 0)
    assert list(differences(months=rolled_up())) == []
    rolled = _figures()
    assert rolled == _live_figures()


def test_an_event_that_committed_after_the_watermark_passed_its_id_is_still_counted(users, org):
    at(MON, refresh)
    case = _dispatched(users)
    # As if the event's id had been taken before the last run read the highest id, and its
    # transaction committed after: only its time is left to find it by.
    RollupMark.objects.filter(pk=1).update(last_event_id=10**9, last_rating_id=10**9)
    at(MON + 5 * timedelta(minutes=1), services.case_accept, case=case, by=users["cadre"])
    at(MON + 5 * timedelta(minutes=1), refresh)
    cell = RateCell.objects.get(unit=org["tianzhu"])
    assert (cell.dispatched, cell.responded) == (1, 1)


def test_a_month_not_rolled_up_is_counted_from_the_events_beside_rolled_up_ones(users, org):
    _every_kind_of_case(users, org)
    _dispatched(users, local(2026, 4, 3, 9, 0), village=BAISHU)
    live = _figures()
    at(MON + 100 * HOUR, refresh)  # rolls up to March, the month it runs in
    assert local(2026, 4, 1, 0, 0).date() not in rolled_up_months()
    assert _figures() == live


def test_the_worker_task_refreshes_the_rollups(users, org):
    _dispatched(users)
    with clock.frozen_at(MON + HOUR):
        rollups_refresh_task.enqueue()
    assert RateCell.objects.filter(unit=org["tianzhu"], dispatched=1).exists()


def test_a_resolution_after_a_refresh_reaches_the_local_shares_at_the_next_one(users, org):
    case = _dispatched(users, village=BAISHU)
    at(MON + HOUR, services.case_accept, case=case, by=users["neighbour_cadre"])
    at(MON + 2 * HOUR, refresh)
    at(MON + 3 * HOUR, services.case_resolve, case=case, by=users["neighbour_cadre"], answer="修好")
    assert not ResolutionCell.objects.exists()
    at(MON + 4 * HOUR, refresh)
    cell = ResolutionCell.objects.get()
    assert (cell.division_code, cell.unit, cell.resolved) == (BAISHU, org["baishu"], 1)
    villages = monthly_rates(year=2026, month=3, within=FENGQIAO, level="village")
    assert next(r for r in villages if r.code == BAISHU).resolved_by_tier == {"village": 1}
    assert list(differences(months=rolled_up())) == []
