"""A month worked out by hand, against what the code computes from the event rows.

March 2026 in 枫桥镇 (all cases in 天竺社区):
  A: dispatched, accepted in time, resolved, rated 满意 + solved
  B: dispatched, accepted LATE, resolved, rated 基本满意 + solved
  C: dispatched, in time, resolved, rated 不满意 + not solved → reopened (a new clock),
     accepted in time, resolved, rated 满意 + solved
  D: dispatched, in time, escalated to the township (a new clock), township accepts in
     time, resolves, rated 满意 + solved
  F: dispatched in February, accepted in March: counts for February, not March
  a consultation: never counted
In 暨阳街道: E dispatched and never accepted.

By hand, 枫桥镇 in March: clocks 6 (A, B, C, C-reopen, D, D-escalate), in time 5 →
response 5/6; ratings 5, solved 4 → 0.8; 满意 3 + 基本满意 1 → 0.8;
composite 30×5/6 + 35×0.8 + 35×0.8 = 81.0; resolved by village 4, township 1.
暨阳街道: 1 clock, 0 in time, no ratings → no composite, ranked after 枫桥镇.
"""

from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cases.models import Category
from jiceng.insights.rates import monthly_rates

from factories import JIANGDONG, TIANZHU, at, local, resolve_and_rate, submit

pytestmark = pytest.mark.django_db


def _case(users, day, *, late=False):
    start = local(2026, 3, day, 9, 0)
    case = at(start, submit, users=users)
    at(start, services.case_dispatch, case=case, by=users["dispatcher"])
    accept_at = start + (timedelta(hours=30) if late else timedelta(hours=2))
    at(accept_at, services.case_accept, case=case, by=users["cadre"])
    return case, accept_at


@pytest.fixture
def march(users):
    a, t = _case(users, 2)
    resolve_and_rate(users, a, t + timedelta(days=1), "satisfied", True)
    b, t = _case(users, 3, late=True)
    resolve_and_rate(users, b, t + timedelta(days=1), "basically", True)
    c, t = _case(users, 4)
    resolve_and_rate(users, c, t + timedelta(days=1), "unsatisfied", False)
    at(t + timedelta(days=1, hours=5), services.case_accept, case=c, by=users["cadre"])
    resolve_and_rate(users, c, t + timedelta(days=2), "satisfied", True)
    d, t = _case(users, 5)
    at(t + timedelta(hours=1), services.case_escalate, case=d, by=users["cadre"], reason="需镇协调")
    at(t + timedelta(hours=2), services.case_accept, case=d, by=users["township"])
    resolve_and_rate(users, d, t + timedelta(days=1), "satisfied", True, by="township")
    f = at(local(2026, 2, 27, 9, 0), submit, users=users)
    at(local(2026, 2, 27, 9, 0), services.case_dispatch, case=f, by=users["dispatcher"])
    at(local(2026, 3, 2, 8, 0), services.case_accept, case=f, by=users["cadre"])
    e = at(local(2026, 3, 6, 9, 0), submit, users=users, village=JIANGDONG)
    at(local(2026, 3, 6, 10, 0), services.case_dispatch, case=e, by=users["dispatcher"])
    at(
        local(2026, 3, 9, 9, 0),
        services.case_consult,
        category=Category.objects.get(code="other"),
        question="问",
        answer="答",
        division_code=TIANZHU,
        contact_phone="13800000000",
        by=users["dispatcher"],
    )


def test_township_figures_for_the_month_match_the_hand_count(march):
    fengqiao, jiyang = monthly_rates(year=2026, month=3, within="330681", level="township")
    assert fengqiao.name == "枫桥镇"
    assert (fengqiao.dispatched, fengqiao.responded) == (6, 5)
    assert (fengqiao.rated, fengqiao.solved, fengqiao.satisfied, fengqiao.basically) == (5, 4, 3, 1)
    assert fengqiao.response_rate == pytest.approx(5 / 6)
    assert fengqiao.resolution_rate == pytest.approx(0.8)
    assert fengqiao.satisfaction_rate == pytest.approx(0.8)
    assert fengqiao.composite == pytest.approx(81.0)
    assert fengqiao.resolved_by_tier == {"village": 4, "township": 1}
    assert fengqiao.local_share("village") == pytest.approx(0.8)
    assert fengqiao.rank == 1
    assert (jiyang.name, jiyang.dispatched, jiyang.responded, jiyang.rated) == ("暨阳街道", 1, 0, 0)
    assert jiyang.composite is None and jiyang.rank is None


def test_february_gets_the_clock_that_started_in_february(march):
    fengqiao = monthly_rates(year=2026, month=2, within="330681109", level="township")[0]
    assert (fengqiao.dispatched, fengqiao.responded) == (1, 0)  # accepted after its 24 h


def test_village_ranking_inside_the_township(march):
    rows = monthly_rates(year=2026, month=3, within="330681109", level="village")
    tianzhu = next(r for r in rows if r.code == TIANZHU)
    assert (tianzhu.rank, tianzhu.dispatched, tianzhu.rated) == (1, 6, 5)
    assert all(r.rank is None for r in rows if r.code != TIANZHU)


def test_basically_satisfied_weight_is_configurable(march, settings):
    settings.JICENG_BASIC_SATISFIED_WEIGHT = 50
    fengqiao = monthly_rates(year=2026, month=3, within="330681", level="township")[0]
    assert fengqiao.satisfaction_rate == pytest.approx(3.5 / 5)
