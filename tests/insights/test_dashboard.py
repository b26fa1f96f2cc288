"""The dashboard's selectors: where a user may look, twelve-month trends, the backlog by age.

The trend, the ranking and the area's own figures all come from
``jiceng.insights.rates``; the tests hold them to each other month by month.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.http import Http404

from jiceng.cases import services
from jiceng.cases.models import Category, State
from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.insights import dashboard
from jiceng.insights.rates import monthly_rates
from jiceng.insights.rollups.reading import rolled_up_months
from jiceng.insights.rollups.refresh import refresh

from factories import BAISHU, FENGQIAO, JIANGDONG, JIYANG, TIANZHU, at, local, submit

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_trends():
    cache.clear()  # settled months of the trend are cached; each test brings its own cases


NOW = local(2026, 4, 10, 9, 0)


def _rated_case(users, start, *, village=TIANZHU, late=False, satisfaction="satisfied"):
    """Dispatched at ``start``, accepted (late or not), resolved a day later, then rated."""
    cadre = "cadre" if village == TIANZHU else "neighbour_cadre"
    case = at(start, submit, users=users, village=village)
    at(start, services.case_dispatch, case=case, by=users["dispatcher"])
    accept_at = start + timedelta(hours=30 if late else 2)
    at(accept_at, services.case_accept, case=case, by=users[cadre])
    resolve_at = accept_at + timedelta(days=1)
    at(resolve_at, services.case_resolve, case=case, by=users[cadre], answer="已处理")
    solved = satisfaction != "unsatisfied"
    at(
        resolve_at + timedelta(hours=2),
        services.case_rate,
        case=case,
        solved=solved,
        satisfaction=satisfaction,
    )
    return case


@pytest.fixture
def spring(users):
    """Cases over January–March 2026; one clock starts on the last evening of February."""
    _rated_case(users, local(2026, 1, 12, 9, 0))
    _rated_case(users, local(2026, 2, 2, 9, 0), late=True, satisfaction="basically")
    _rated_case(users, local(2026, 2, 28, 20, 0), village=BAISHU)
    _rated_case(users, local(2026, 3, 2, 9, 0), satisfaction="unsatisfied")
    _rated_case(users, local(2026, 3, 3, 9, 0), village=BAISHU)
    e = at(local(2026, 3, 4, 9, 0), submit, users=users, village=JIANGDONG)
    at(local(2026, 3, 4, 9, 0), services.case_dispatch, case=e, by=users["dispatcher"])


def _area(user, code=None):
    return dashboard.dashboard_area(user, code)


def _figures(row):
    return (row.dispatched, row.responded, row.rated, row.solved, row.satisfied, row.basically)


@pytest.mark.parametrize("code", ["330681", FENGQIAO])
def test_each_month_of_the_trend_equals_that_months_rates(users, spring, code):
    area = _area(users["leader"], code)
    months = dashboard.trends(user=users["leader"], area=area, year=2026, month=3)
    assert len(months) == 12 and f"{months[0].month:%Y-%m}" == "2025-04"
    for row in months:
        parent_level = "county" if code == "330681" else "township"
        within = code[: {"county": 4, "township": 6}[parent_level]]
        same = monthly_rates(
            year=row.month.year, month=row.month.month, within=within, level=parent_level
        )
        expected = next(r for r in same if r.code == code)
        assert _figures(row) == _figures(expected), row.month


def test_the_trend_puts_a_clock_in_the_local_month_it_started(users, spring):
    area = _area(users["township"])
    months = {
        f"{r.month:%Y-%m}": r
        for r in dashboard.trends(user=users["township"], area=area, year=2026, month=3)
    }
    # 28 February 20:00 in Shanghai is still February, although it is 12:00 UTC.
    assert (months["2026-02"].dispatched, months["2026-02"].responded) == (2, 1)
    # The reopened case adds a clock in March.
    assert (months["2026-03"].dispatched, months["2026-03"].rated) == (3, 3)


def test_twelve_months_of_trend_cost_three_queries_before_any_rollup(
    users, spring, django_assert_num_queries
):
    area = _area(users["leader"])
    # Which months are rolled up (none), then the clocks and the ratings of all twelve.
    with django_assert_num_queries(3):
        dashboard.trends(user=users["leader"], area=area, year=2026, month=3)


def test_twelve_rolled_up_months_of_trend_cost_one_query(users, spring, django_assert_num_queries):
    area = _area(users["leader"])
    with clock.frozen_at(local(2026, 3, 31, 23, 0)):
        live = dashboard.trends(user=users["leader"], area=area, year=2026, month=3)
        refresh()
        rolled_up_months()  # kept per process for a few seconds
        cache.clear()
        with django_assert_num_queries(1):
            rolled = dashboard.trends(user=users["leader"], area=area, year=2026, month=3)
    assert [_figures(r) for r in rolled] == [_figures(r) for r in live]


def test_settled_months_are_counted_once_and_then_read_from_the_cache(
    users, spring, django_assert_num_queries
):
    leader = users["leader"]
    area = _area(leader)
    with clock.frozen_at(local(2026, 4, 20, 9, 0)):  # March ended 20 days ago: settled
        first = dashboard.trends(user=leader, area=area, year=2026, month=3)
        with django_assert_num_queries(0):
            again = dashboard.trends(user=leader, area=area, year=2026, month=3)
    assert [_figures(r) for r in again] == [_figures(r) for r in first]
    # March's 4 clocks of the villages (2 in time) and the dispatch centre's 3, one per
    # submission, each answered by its dispatch at once.
    assert _figures(again[-1]) == (7, 5, 3, 2, 2, 0)


def test_a_month_not_yet_settled_is_counted_afresh_each_time(
    users, spring, django_assert_num_queries
):
    leader = users["leader"]
    area = _area(leader)
    with clock.frozen_at(local(2026, 4, 2, 9, 0)):  # March ended a day ago
        dashboard.trends(user=leader, area=area, year=2026, month=3)
    e = at(local(2026, 3, 31, 20, 0), submit, users=users, village=TIANZHU)
    at(local(2026, 3, 31, 20, 0), services.case_dispatch, case=e, by=users["dispatcher"])
    # Which months are rolled up (none), then the month's clocks and ratings.
    with clock.frozen_at(local(2026, 4, 2, 10, 0)), django_assert_num_queries(3):
        months = dashboard.trends(user=leader, area=area, year=2026, month=3)
    # The late March case's two clocks are there: the centre's and 天竺's (7 + 2).
    assert months[-1].dispatched == 9


def test_a_townships_own_figure_adds_up_its_villages_and_its_government(users, spring):
    leader = users["leader"]
    area = _area(leader, FENGQIAO)
    d = at(local(2026, 3, 5, 9, 0), submit, users=users)
    at(local(2026, 3, 5, 9, 0), services.case_dispatch, case=d, by=users["dispatcher"])
    at(local(2026, 3, 5, 10, 0), services.case_escalate, case=d, by=users["cadre"], reason="镇办")
    villages = dashboard.ranking(user=leader, area=area, year=2026, month=3)
    government = dashboard.units_here(user=leader, area=area, year=2026, month=3)
    assert [(u.name, u.dispatched, u.responded) for u in government] == [("枫桥镇人民政府", 1, 0)]
    total = dashboard.trends(user=leader, area=area, year=2026, month=3)[-1]
    added = [sum(_figures(r)[i] for r in [*villages, *government]) for i in range(6)]
    assert list(_figures(total)) == added
    own = dashboard.month_rates(user=leader, area=area, year=2026, month=3).total
    assert _figures(own) == _figures(total)  # the page's tiles and its trend agree
    # By hand: clocks 2 Mar, its reopening, 3 Mar, D's village clock (answered by the
    # escalation) and D's township clock (never signed): 5, of which 3 in time. Ratings in
    # March: the 28 Feb case (rated 2 Mar, 00:00), 2 Mar (unsatisfied), 3 Mar.
    assert _figures(total) == (5, 3, 3, 2, 2, 0)


def _open_case_aged(users, days, hours=0, village=TIANZHU):
    return at(NOW - timedelta(days=days, hours=hours), submit, users=users, village=village)


def test_backlog_counts_each_case_in_every_age_it_has_passed(users, places):
    for days in (1, 31, 91, 366, 400):
        _open_case_aged(users, days)
    _open_case_aged(users, 45, village=BAISHU)
    rows = dashboard.backlog(user=users["township"], area=_area(users["township"]), now=NOW)
    by_code = {row.code: row for row in rows}
    tianzhu, baishu = by_code[TIANZHU], by_code[BAISHU]
    assert (tianzhu.total, tianzhu.over) == (5, {30: 4, 90: 3, 365: 2})
    assert (baishu.total, baishu.over) == (1, {30: 1, 90: 0, 365: 0})
    assert [tianzhu.band(None, 30), tianzhu.band(30, 90), tianzhu.band(90, 365)] == [1, 1, 1]
    assert tianzhu.band(365, None) == 2
    assert rows[0].code == TIANZHU  # the older backlog first


def test_a_case_counts_as_over_thirty_days_only_once_thirty_full_days_have_passed(users, places):
    _open_case_aged(users, 29, hours=23)
    _open_case_aged(users, 30, hours=1)
    rows = dashboard.backlog(user=users["township"], area=_area(users["township"]), now=NOW)
    tianzhu = next(row for row in rows if row.code == TIANZHU)
    assert (tianzhu.total, tianzhu.over[30]) == (2, 1)


def test_backlog_and_oldest_list_leave_out_consultations_and_finished_cases(users, places, monday):
    open_case = _open_case_aged(users, 50)
    done = _open_case_aged(users, 60)
    services.case_dispatch(case=done, by=users["dispatcher"])
    services.case_accept(case=done, by=users["cadre"])
    services.case_resolve(case=done, by=users["cadre"], answer="已处理")
    services.case_consult(
        category=Category.objects.get(code="other"),
        question="问",
        answer="答",
        division_code=TIANZHU,
        contact_phone="13800000000",
        by=users["dispatcher"],
    )
    area = _area(users["leader"])
    assert done.state == State.RESOLVED
    assert [c.number for c in dashboard.oldest_open(user=users["leader"], area=area)] == [
        open_case.number
    ]
    fengqiao = next(
        r for r in dashboard.backlog(user=users["leader"], area=area, now=NOW) if r.code == FENGQIAO
    )
    assert fengqiao.total == 1


def test_the_oldest_open_requests_come_oldest_first_and_stop_at_the_limit(users, places):
    cases = [_open_case_aged(users, days) for days in (10, 300, 40, 200)]
    area = _area(users["leader"])
    oldest = dashboard.oldest_open(user=users["leader"], area=area, limit=3)
    assert [c.number for c in oldest] == [cases[1].number, cases[3].number, cases[2].number]


def test_received_counts_requests_and_consultations_of_the_month(users, spring):
    got = dashboard.received(user=users["leader"], area=_area(users["leader"]), year=2026, month=3)
    assert got == {"total": 3, "consultations": 0}


# --- where a user may look ------------------------------------------------------------------


def test_a_leader_starts_at_the_county_and_may_drill_into_its_townships(users, places):
    county = _area(users["leader"])
    assert (county.code, county.child_level, county.trail) == (
        "330681",
        "township",
        (("330681", "诸暨市"),),
    )
    township = _area(users["leader"], FENGQIAO)
    assert township.child_level == "village"
    assert township.trail == (("330681", "诸暨市"), (FENGQIAO, "枫桥镇"))


def test_township_staff_start_at_their_township_and_cannot_leave_it(users, places):
    assert _area(users["township"]).code == FENGQIAO
    with pytest.raises(NotAllowed):
        _area(users["township"], JIYANG)
    with pytest.raises(NotAllowed):
        _area(users["township"], "330681")


@pytest.mark.parametrize("role", ["cadre", "grid_worker", "dispatcher", "water", "resident"])
def test_other_roles_get_no_area_at_all(users, places, role):
    with pytest.raises(NotAllowed):
        _area(users[role])


def test_selectors_check_the_scope_again_whatever_area_they_are_given(users, places):
    fengqiao = _area(users["township"])
    with pytest.raises(NotAllowed):
        dashboard.backlog(user=users["outsider"], area=fengqiao, now=NOW)
    with pytest.raises(NotAllowed):
        dashboard.trends(user=users["outsider"], area=fengqiao, year=2026, month=3)
    with pytest.raises(NotAllowed):
        dashboard.oldest_open(user=users["cadre"], area=fengqiao)


def test_villages_and_unknown_codes_are_not_areas_to_show(users, places):
    with pytest.raises(Http404):
        _area(users["leader"], TIANZHU)
    with pytest.raises(Http404):
        _area(users["leader"], "330681999")


def test_an_admin_starts_where_the_divisions_first_branch(users, places):
    area = _area(users["admin"])
    assert (area.code, area.child_level) == ("330681", "township")
    assert _area(users["admin"], "33").child_level == "city"


def test_area_choices_offer_the_top_of_the_scope_and_its_townships(users, places):
    leader = users["leader"]
    assert dashboard.area_choices(leader, _area(leader, FENGQIAO)) == [
        ("330681", "诸暨市"),
        (JIYANG, "暨阳街道"),
        (FENGQIAO, "枫桥镇"),
    ]
    township = users["township"]
    assert dashboard.area_choices(township, _area(township)) == [(FENGQIAO, "枫桥镇")]
