"""The dashboard's "received" figure in the rollups: after the worker's refresh or a rebuild,
the cells equal a count of the cases, and the dashboard reads rolled-up months from them."""

from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cases.models import Category
from jiceng.core.errors import NotAllowed
from jiceng.insights import dashboard
from jiceng.insights.rollups.check import differences, rolled_up
from jiceng.insights.rollups.models import RateMonth, ReceivedCell
from jiceng.insights.rollups.reading import forget_rolled_up, rolled_up_months
from jiceng.insights.rollups.received import ReceivedDifference
from jiceng.insights.rollups.refresh import rebuild, refresh

from factories import BAISHU, FENGQIAO, JIANGDONG, TIANZHU, at, local, submit

pytestmark = pytest.mark.django_db

MON = local(2026, 3, 2, 9, 0)
HOUR = timedelta(hours=1)
MONTHS = [(2026, 1), (2026, 2), (2026, 3)]
AREAS = ("330681", FENGQIAO, "330681001")


def _consult(users, moment):
    return at(
        moment,
        services.case_consult,
        category=Category.objects.get(code="social_security"),
        question="城乡居民医保今年什么时候截止缴费？",
        answer="截止到12月31日。",
        division_code=BAISHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )


def _imported(users, moment):
    """An old case imported at ``moment`` with its original date in January."""
    return at(
        moment,
        services.case_import,
        category=Category.objects.get(code="transport"),
        description="去年的积案：桥头的路面塌陷，一直没有修。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        submitted_at=local(2026, 1, 20, 10, 0),
        by=users["dispatcher"],
    )


def _cases_of_every_kind(users):
    """Requests in three places, a consultation, one submitted late on the last night of
    February (local time; still February in UTC too), and an old case imported in March
    with its January date."""
    at(MON, submit, users=users)
    at(MON + HOUR, submit, users=users, village=JIANGDONG)
    at(local(2026, 2, 28, 23, 30), submit, users=users, village=BAISHU)
    _consult(users, MON + 2 * HOUR)
    _imported(users, MON + 3 * HOUR)


def _received(users):
    """What the dashboard shows as received, for each area and month, as the leader sees it."""
    found = {}
    for code in AREAS:
        area = dashboard.dashboard_area(users["leader"], code)
        for year, month in MONTHS:
            found[(code, year, month)] = dashboard.received(
                user=users["leader"], area=area, year=year, month=month
            )
    return found


def _live(users):
    RateMonth.objects.all().delete()
    forget_rolled_up()
    return _received(users)


def test_after_a_refresh_the_received_cells_equal_a_count_of_the_cases(users):
    _cases_of_every_kind(users)
    live = _received(users)
    assert live[("330681", 2026, 3)] == {"total": 3, "consultations": 1}
    assert live[("330681", 2026, 1)] == {"total": 1, "consultations": 0}
    assert live[(FENGQIAO, 2026, 2)] == {"total": 1, "consultations": 0}
    at(MON + 4 * HOUR, refresh)
    assert ReceivedCell.objects.filter(month=local(2026, 1, 1, 0, 0).date()).count() == 1
    assert list(differences(months=rolled_up())) == []
    assert _received(users) == live


def test_a_case_submitted_after_a_refresh_reaches_its_cell_at_the_next_one(users):
    at(MON, refresh)
    at(MON + HOUR, submit, users=users)
    _consult(users, MON + HOUR)
    stale = [d for d in differences(months=rolled_up()) if isinstance(d, ReceivedDifference)]
    found = [(d.place, d.stored, d.recounted) for d in stale]
    assert found == [(TIANZHU, (0, 0), (1, 0)), (BAISHU, (0, 0), (1, 1))]
    _imported(users, MON + HOUR)  # its cell is January's, though it came in March
    at(MON + 2 * HOUR, refresh)
    assert list(differences(months=rolled_up())) == []
    january = ReceivedCell.objects.get(month=local(2026, 1, 1, 0, 0).date())
    assert (january.division_code, january.received) == (TIANZHU, 1)
    fengqiao = dashboard.dashboard_area(users["leader"], FENGQIAO)
    got = dashboard.received(user=users["leader"], area=fengqiao, year=2026, month=3)
    assert got == {"total": 2, "consultations": 1}


def test_a_rebuild_writes_the_received_cells_of_every_month(users):
    _cases_of_every_kind(users)
    live = _received(users)
    at(MON + 4 * HOUR, rebuild)
    assert {local(2026, m, 1, 0, 0).date() for m in (1, 2, 3)} <= rolled_up_months()
    assert list(differences(months=rolled_up())) == []
    assert _received(users) == live


def test_a_rolled_up_month_is_read_from_the_cells_and_check_finds_a_wrong_one(users):
    _cases_of_every_kind(users)
    at(MON + 4 * HOUR, refresh)
    ReceivedCell.objects.filter(division_code=TIANZHU, month__month=3).update(received=7)
    area = dashboard.dashboard_area(users["leader"], FENGQIAO)
    got = dashboard.received(user=users["leader"], area=area, year=2026, month=3)
    assert got == {"total": 8, "consultations": 1}
    [wrong] = differences(months=rolled_up())
    assert isinstance(wrong, ReceivedDifference)
    assert (wrong.place, wrong.stored, wrong.recounted) == (TIANZHU, (7, 0), (1, 0))
    assert _live(users)[(FENGQIAO, 2026, 3)] == {"total": 2, "consultations": 1}


def test_an_outsider_cannot_read_the_received_figure_of_another_township(users):
    _cases_of_every_kind(users)
    at(MON + 4 * HOUR, refresh)
    area = dashboard.dashboard_area(users["leader"], FENGQIAO)
    with pytest.raises(NotAllowed):
        dashboard.received(user=users["outsider"], area=area, year=2026, month=3)
