"""``jiceng rollups rebuild | refresh | check`` as an operator runs them."""

from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cli import main
from jiceng.core import clock
from jiceng.insights.rollups.models import RateCell, ReceivedCell, ResolutionCell

from factories import JIANGDONG, at, local, submit

pytestmark = pytest.mark.django_db

MON = local(2026, 3, 2, 9, 0)


@pytest.fixture
def rolled_up(users, org):
    """Work in 天竺 (枫桥镇) and 江东 (暨阳街道) in March, rolled up on 5 March."""
    for village, cadre in (("330681109002", "cadre"), (JIANGDONG, "outsider_cadre")):
        case = at(MON, submit, users=users, village=village)
        at(MON, services.case_dispatch, case=case, by=users["dispatcher"])
        at(MON + timedelta(hours=1), services.case_accept, case=case, by=users[cadre])
    with clock.frozen_at(local(2026, 3, 5, 9, 0)):
        assert main(["rollups", "rebuild"]) == 0
    return org


def _spoil(unit):
    RateCell.objects.filter(unit=unit).update(responded=0)


def test_check_passes_when_the_cells_equal_a_recount(rolled_up, capsys):
    with clock.frozen_at(local(2026, 3, 5, 9, 5)):
        assert main(["rollups", "check"]) == 0
    assert "rollups check passed" in capsys.readouterr().out


def test_check_names_each_differing_cell_and_exits_non_zero(rolled_up, capsys):
    _spoil(rolled_up["tianzhu"])
    assert main(["rollups", "check", "--as-stored"]) == 1
    out, err = capsys.readouterr()
    assert "2026-03 天竺社区居委会 330681109002" in out
    assert "rollup [dispatched 1, responded 0," in out
    assert "recount [dispatched 1, responded 1," in out
    assert "1 cell(s) differ" in err


def test_check_names_a_received_cell_that_differs_from_a_count_of_the_cases(rolled_up, capsys):
    ReceivedCell.objects.filter(division_code=JIANGDONG).update(received=5)
    assert main(["rollups", "check", "--as-stored"]) == 1
    out, err = capsys.readouterr()
    assert f"2026-03 received at {JIANGDONG} (cases, consultations): rollup (5, 0)" in out
    assert "recount (1, 0)" in out
    assert "1 cell(s) differ" in err


def test_rebuilding_one_area_and_month_mends_only_that_area(rolled_up, capsys):
    _spoil(rolled_up["tianzhu"])
    _spoil(rolled_up["jiangdong"])
    assert main(["rollups", "rebuild", "--area", "330681109", "--month", "2026-03"]) == 0
    assert "rebuilt 2 cells over 1 month(s) under '330681109'" in capsys.readouterr().out
    assert main(["rollups", "check", "--as-stored", "--month", "2026-03"]) == 1
    out = capsys.readouterr().out
    assert "江东" in out and "天竺" not in out


def test_refresh_reports_what_it_recounted(rolled_up, users, capsys):
    case = at(local(2026, 3, 5, 10, 0), submit, users=users)
    with clock.frozen_at(local(2026, 3, 5, 10, 0)):
        services.case_dispatch(case=case, by=users["dispatcher"])
        assert main(["rollups", "refresh"]) == 0
    # 天竺 and the dispatch centre; and the received cell of 天竺
    assert "refreshed 3 cells" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "--month must be year-month"),
        (["--month", "March"], "--month must be year-month"),
        (["--area", "诸暨"], "--area must be a division code"),
    ],
)
def test_a_bad_month_or_area_is_refused_with_what_is_expected(args, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["rollups", "rebuild", *args])
    assert stopped.value.code == 2
    assert message in capsys.readouterr().err


def test_check_names_a_differing_resolution_cell(rolled_up, users, capsys):
    case = at(MON, submit, users=users)
    at(MON, services.case_dispatch, case=case, by=users["dispatcher"])
    at(MON + timedelta(hours=1), services.case_accept, case=case, by=users["cadre"])
    at(MON + timedelta(hours=2), services.case_resolve, case=case, by=users["cadre"], answer="好")
    with clock.frozen_at(local(2026, 3, 5, 9, 0)):
        assert main(["rollups", "rebuild", "--month", "2026-03"]) == 0
    ResolutionCell.objects.update(resolved=5)
    assert main(["rollups", "check", "--as-stored"]) == 1
    out = capsys.readouterr().out
    assert "2026-03 resolutions at 330681109002 by unit" in out and "rollup 5 recount 1" in out
