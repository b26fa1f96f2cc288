"""The leaders' dashboard page: the figures it shows, who sees which area, and how it reads.

A month worked out by hand (March 2026; the page is looked at on 10 April, so
March is the default month). In 枫桥镇:
  A (天竺): dispatched, accepted in time, resolved, rated 满意 + solved
  B (天竺): dispatched, accepted LATE, resolved, rated 基本满意 + solved
  C (百树): dispatched, accepted in time, resolved, rated 不满意 + not solved → reopened
     (a new clock, never accepted: C is open again)
  D (天竺): dispatched, accepted in time, escalated to the township (a new clock), accepted
     in time by the township, resolved by it, rated 满意 + solved
In 暨阳街道: E (江东) dispatched and never accepted.

By hand, per unit (clocks in time / clocks; ratings):
  天竺 committee: A, D in time, B late → 2/3; rated A, B: solved 2/2, 满意 1 + 基本满意 1
  百树 committee: C in time, its reopening not → 1/2; rated C: 0/1 solved, 0/1 satisfied
  枫桥镇 government: D's escalation clock in time → 1/1; rated D: 1/1, 1/1
  江东 committee: E → 0/1
  dispatch centre: each of the 5 submissions answered by its dispatch at once → 5/5
枫桥镇 (government + its village committees): 4/6 → 66.7%; solved 3/4 → 75.0%;
满意 2 + 基本满意 1 of 4 → 75.0%; composite 30 × 4/6 + 35 × 0.75 + 35 × 0.75 = 72.5;
resolved by villages 3, by the township 1.
暨阳街道: 0/1 → 0.0%, no ratings → no composite, not ranked.
The month has four ratings, so most tests lower ``JICENG_RANKING_MIN_RATED`` to 1;
the default of 10 ranks nobody here, which one test checks.
"""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from jiceng.cases import services
from jiceng.core import clock
from jiceng.insights.rates import monthly_rates, wilson

from factories import (
    BAISHU,
    FENGQIAO,
    JIANGDONG,
    JIYANG,
    TIANZHU,
    at,
    dispatched_in_march,
    local,
    resolve_and_rate,
    submit,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_cached_trends():
    cache.clear()  # settled months of the trend are cached; each test brings its own cases


@pytest.fixture(autouse=True)
def _small_sample(settings):
    settings.JICENG_RANKING_MIN_RATED = 1


APRIL_10 = local(2026, 4, 10, 9, 0)
TOO_FEW = "Too few ratings"


def _accept(users, case, moment, by="cadre"):
    at(moment, services.case_accept, case=case, by=users[by])


@pytest.fixture
def march(users):
    a, t = dispatched_in_march(users, 2)
    _accept(users, a, t + timedelta(hours=2))
    resolve_and_rate(users, a, t + timedelta(days=1), "satisfied", True)
    b, t = dispatched_in_march(users, 3)
    _accept(users, b, t + timedelta(hours=30))
    resolve_and_rate(users, b, t + timedelta(days=2), "basically", True)
    c, t = dispatched_in_march(users, 4, village=BAISHU)
    _accept(users, c, t + timedelta(hours=1), by="neighbour_cadre")
    resolve_and_rate(users, c, t + timedelta(days=1), "unsatisfied", False, by="neighbour_cadre")
    d, t = dispatched_in_march(users, 5)
    _accept(users, d, t + timedelta(hours=1))
    at(t + timedelta(hours=2), services.case_escalate, case=d, by=users["cadre"], reason="需镇协调")
    _accept(users, d, t + timedelta(hours=3), by="township")
    resolve_and_rate(users, d, t + timedelta(days=1), "satisfied", True, by="township")
    dispatched_in_march(users, 6, village=JIANGDONG)
    return {"a": a, "b": b, "c": c, "d": d}


def _get(client, user, url):
    client.force_login(user)
    with clock.frozen_at(APRIL_10):
        return client.get(url)


def _table(response, key):
    section = next(s for s in response.context["sections"] if s.table.key == key)
    return section.table


def _shown(response, key):
    return [[cell.text for cell in row] for row in _table(response, key).display]


def _pct(value):
    return "—" if value is None else f"{value * 100:.1f}%"


def _rate(part, whole):
    """A rate's three cells: the rate, its count and its 95 % Wilson interval."""
    if whole == 0:
        return ["—", "0/0", "—"]
    low, high = wilson(part, whole)
    return [_pct(part / whole), f"{part}/{whole}", f"{low * 100:.1f}–{high * 100:.1f}%"]


def test_leader_sees_the_townships_ranked_with_the_figures_of_monthly_rates(client, users, march):
    response = _get(client, users["leader"], "/dashboard/")
    expected = monthly_rates(year=2026, month=3, within="330681", level="township")
    rows = _shown(response, "ranking")
    assert [row[1] for row in rows] == [r.name for r in expected] == ["枫桥镇", "暨阳街道"]
    for row, rates in zip(rows, expected, strict=True):
        assert row[2] == _pct(rates.response_rate)
        assert row[3] == f"{rates.responded}/{rates.dispatched}"
        assert row[8] == _pct(rates.satisfaction_rate)
        assert row[11] == ("—" if rates.composite is None else f"{rates.composite:.1f}")


def test_the_ranking_matches_the_month_counted_by_hand(client, users, march):
    rows = _shown(_get(client, users["leader"], "/dashboard/"), "ranking")
    assert rows[0] == ["1", "枫桥镇", *_rate(4, 6), *_rate(3, 4), *_rate(3, 4), "72.5"]
    assert rows[1] == [TOO_FEW, "暨阳街道", *_rate(0, 1), *_rate(0, 0), *_rate(0, 0), "—"]


def test_with_the_default_minimum_nobody_is_ranked_on_four_ratings(client, users, march, settings):
    settings.JICENG_RANKING_MIN_RATED = 10
    response = _get(client, users["leader"], "/dashboard/")
    assert [row[0] for row in _shown(response, "ranking")] == [TOO_FEW, TOO_FEW]
    page = response.content.decode()
    assert "With fewer than 10 ratings in the month an area is shown as too few ratings" in page
    assert 'href="/dashboard/rates/"' in page
    assert 'data-chart="ranking-chart-data"' not in page  # no bars when nobody is ranked


def test_kpi_tiles_add_up_the_county_for_the_month(client, users, march):
    kpis = {
        label: value
        for label, value, _hint in _get(client, users["leader"], "/dashboard/").context["kpis"]
    }
    # 7 clocks of the villages and the township, 4 in time, and the dispatch centre's 5, each
    # answered by its dispatch at once: 12 clocks, 9 in time; 4 ratings, 3 solved; 5 requests
    # received; C and E are open.
    assert kpis == {
        "Cases received": "5",
        "Resolutions": "4",
        "Response rate": "75.0%",
        "Resolution rate": "75.0%",
        "Satisfaction rate": "75.0%",
        "Open requests now": "2",
    }


def test_each_township_links_to_its_drill_down_for_the_same_month(client, users, march):
    response = _get(client, users["leader"], "/dashboard/?month=2026-03")
    links = _table(response, "ranking").links
    assert links[0] == {1: f"/dashboard/?month=2026-03&area={FENGQIAO}"}
    assert f'href="/dashboard/?month=2026-03&amp;area={FENGQIAO}"' in response.content.decode()


def test_drilling_into_a_township_ranks_its_villages(client, users, march):
    response = _get(client, users["leader"], f"/dashboard/?month=2026-03&area={FENGQIAO}")
    rows = _shown(response, "ranking")
    # 天竺: A, D in time, B late; rated A and B, both solved, 满意 1 + 基本满意 1.
    assert rows[0] == ["1", "天竺社区居委会", *_rate(2, 3), *_rate(2, 2), *_rate(2, 2), "90.0"]
    # 百树: C and its reopening, 1 in time; rated 1, not solved, unsatisfied.
    assert rows[1] == ["2", "百树社区居委会", *_rate(1, 2), *_rate(0, 1), *_rate(0, 1), "15.0"]
    assert _table(response, "ranking").links == [{}, {}]  # villages are the bottom
    # D's escalation and its rating are the township government's, on their own line.
    units = _shown(response, "units")
    assert units == [
        ["1", "枫桥镇人民政府", "Township", *_rate(1, 1), *_rate(1, 1), *_rate(1, 1), "100.0"]
    ]
    assert [name for _code, name in response.context["area"].trail] == ["诸暨市", "枫桥镇"]


def test_township_staff_see_their_own_villages_by_default(client, users, march):
    response = _get(client, users["township"], "/dashboard/")
    assert response.context["area"].code == FENGQIAO
    assert [row[1] for row in _shown(response, "ranking")] == ["天竺社区居委会", "百树社区居委会"]
    assert "暨阳街道" not in response.content.decode()


def test_the_month_picker_chooses_the_month_and_defaults_to_the_last_complete_one(
    client, users, march
):
    default = _get(client, users["leader"], "/dashboard/")
    assert default.context["period"].label == "2026-03"
    assert 'value="2026-03"' in default.content.decode()
    february = _get(client, users["leader"], "/dashboard/?month=2026-02")
    assert february.context["period"].label == "2026-02"
    assert [row[3] for row in _shown(february, "ranking")] == ["0/0", "0/0"]  # no clocks
    assert [row[0] for row in _shown(february, "trends")][-1] == "2026-02"


def test_a_bad_month_keeps_what_was_typed_and_says_what_is_expected(client, users, march):
    response = _get(client, users["leader"], "/dashboard/?month=March")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter a month as year-month, for example 2026-04." in page
    assert 'value="March"' in page and 'aria-invalid="true"' in page
    assert response.context["period"].label == "2026-03"  # the figures fall back to the default


def test_a_future_month_is_refused_with_the_latest_allowed(client, users, march):
    page = _get(client, users["leader"], "/dashboard/?month=2026-05").content.decode()
    assert "Choose 2026-04 or an earlier month" in page


def test_trends_give_twelve_months_each_equal_to_that_months_rates(client, users, march):
    response = _get(client, users["leader"], "/dashboard/")
    rows = _shown(response, "trends")
    assert [row[0] for row in rows] == [f"2025-{m:02d}" for m in range(4, 13)] + [
        "2026-01",
        "2026-02",
        "2026-03",
    ]
    # The county: the villages' and township's 7 clocks (4 in time) and the centre's 5 (5).
    assert rows[-1][1:] == [*_rate(9, 12), *_rate(3, 4), *_rate(3, 4), "75.0"]
    assert rows[0][1:] == [*_rate(0, 0), *_rate(0, 0), *_rate(0, 0), "—"]


def test_backlog_counts_open_requests_by_age_from_the_case_dates(client, users, places):
    ages = {5: TIANZHU, 40: TIANZHU, 100: BAISHU, 400: BAISHU}
    for days, village in ages.items():
        at(APRIL_10 - timedelta(days=days), submit, users=users, village=village)
    rows = _shown(_get(client, users["leader"], f"/dashboard/?area={FENGQIAO}"), "backlog")
    # Village, open, over 30, over 90, over 365 days; the older backlog comes first.
    assert rows == [
        ["百树社区居委会", "2", "2", "2", "1"],
        ["天竺社区居委会", "2", "1", "0", "0"],
    ]


def test_backlog_leaves_out_consultations_and_finished_cases(client, users, march):
    at(
        local(2026, 3, 9, 9, 0),
        services.case_consult,
        category=march["a"].category,
        question="问",
        answer="答",
        division_code=TIANZHU,
        contact_phone="13800000000",
        by=users["dispatcher"],
    )
    response = _get(client, users["leader"], "/dashboard/")
    rows = {row[0]: row[1] for row in _shown(response, "backlog")}
    assert rows == {"枫桥镇": "1", "暨阳街道": "1"}  # C (reopened) and E


def test_oldest_open_cases_are_listed_oldest_first_with_a_link_to_each(client, users, march):
    response = _get(client, users["leader"], "/dashboard/")
    table = _table(response, "oldest")
    c, e_number = march["c"], table.rows[1][0]
    assert [row[0] for row in table.rows] == [c.number, e_number]
    c.refresh_from_db()
    submitted = timezone.localtime(c.submitted_at).date()
    assert table.rows[0][3:] == ["百树社区居委会", submitted, 37, c.owner.name]
    assert f'href="/workbench/cases/{c.number}/"' in response.content.decode()


def test_local_shares_describe_where_cases_were_resolved_without_ranking(client, users, march):
    response = _get(client, users["leader"], "/dashboard/")
    rows = _shown(response, "local")
    assert rows == [
        ["暨阳街道", "0", "0", "0", "0", "—", "—", "—"],
        ["枫桥镇", "4", "3", "1", "0", "75.0%", "25.0%", "0.0%"],
    ]
    assert "This describes, it does not rank" in response.content.decode()


def test_each_chart_has_its_data_block_and_is_hidden_from_screen_readers(client, users, march):
    page = _get(client, users["leader"], "/dashboard/").content.decode()
    for key in ("ranking", "trends", "backlog", "local"):
        assert f'<div class="chart" data-chart="{key}-chart-data" aria-hidden="true">' in page
        assert f'<script id="{key}-chart-data" type="application/json">' in page
    assert "<script>" not in page and 'style="' not in page


def test_each_table_offers_excel_and_csv_for_the_same_month_and_area(client, users, march):
    page = _get(client, users["leader"], f"/dashboard/?month=2026-03&area={FENGQIAO}").content
    for key in ("ranking", "trends", "backlog", "oldest", "local"):
        for ext in ("xlsx", "csv"):
            assert (
                f'href="/dashboard/export/{key}.{ext}?month=2026-03&amp;area={FENGQIAO}"'.encode()
                in page
            )


def test_a_case_title_with_markup_is_shown_escaped(client, users, places):
    at(APRIL_10 - timedelta(days=3), submit, users=users, title="<script>alert(1)</script>")
    page = _get(client, users["leader"], "/dashboard/").content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)</script>" not in page


def test_a_village_name_with_markup_is_escaped_in_tables_and_chart_data(client, users, places):
    places[TIANZHU].name = '<img src=x onerror="alert(1)">'
    places[TIANZHU].save()
    at(APRIL_10 - timedelta(days=3), submit, users=users)  # so the backlog chart has 天竺
    page = _get(client, users["township"], "/dashboard/").content.decode()
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in page
    assert "\\u003Cimg src=x" in page  # json_script escapes inside the data block


def test_the_page_reads_with_a_fixed_number_of_queries(
    client, users, march, django_assert_num_queries
):
    client.force_login(users["leader"])
    # +1 in English: category names; +3: which months are rolled up (none here), asked by the
    # month's figures, by the trend and by the received count
    with clock.frozen_at(APRIL_10), django_assert_num_queries(20):
        client.get("/dashboard/")
    for i in range(5):
        dispatched_in_march(users, 10 + i, village=BAISHU)
    with clock.frozen_at(APRIL_10), django_assert_num_queries(20):
        client.get(f"/dashboard/?area={FENGQIAO}")


# --- who may look ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["cadre", "grid_worker", "dispatcher", "water", "resident"])
def test_other_roles_are_refused_without_any_figures(client, users, march, role):
    response = _get(client, users[role], "/dashboard/")
    assert response.status_code == 403
    assert "枫桥镇" not in response.content.decode()


def test_township_staff_cannot_open_another_township(client, users, march):
    response = _get(client, users["outsider"], f"/dashboard/?area={FENGQIAO}")
    assert response.status_code == 403
    assert "天竺" not in response.content.decode() and "百树" not in response.content.decode()


def test_township_staff_cannot_climb_to_the_county(client, users, march):
    response = _get(client, users["township"], "/dashboard/?area=330681")
    assert response.status_code == 403
    assert "暨阳街道" not in response.content.decode()


def test_the_outsider_sees_only_their_own_township(client, users, march):
    response = _get(client, users["outsider"], "/dashboard/")
    assert response.context["area"].code == JIYANG
    assert [row[1] for row in _shown(response, "ranking")] == ["江东社区"]
    assert "枫桥镇" not in response.content.decode()


def test_an_unknown_area_is_not_found(client, users, march):
    assert _get(client, users["leader"], "/dashboard/?area=330681999").status_code == 404
    assert _get(client, users["leader"], f"/dashboard/?area={TIANZHU}").status_code == 404


def test_the_admin_sees_everything_from_the_county_down(client, users, march):
    response = _get(client, users["admin"], "/dashboard/")
    assert response.context["area"].code == "330681"
    outside = _get(client, users["admin"], f"/dashboard/?area={JIYANG}")
    assert [row[1] for row in _shown(outside, "ranking")] == ["江东社区"]


def test_anonymous_visitors_are_sent_to_log_in(db):
    response = Client().get("/dashboard/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_the_county_page_gives_departments_and_the_dispatch_centre_their_own_lines(
    client, users, march
):
    start = local(2026, 3, 9, 9, 0)
    water_case = at(start, submit, users=users, category="utilities")  # in 天竺
    at(start, services.case_dispatch, case=water_case, by=users["dispatcher"])
    _accept(users, water_case, start + timedelta(hours=1), by="water")
    resolve_and_rate(users, water_case, start + timedelta(hours=4), "satisfied", True, by="water")
    response = _get(client, users["leader"], "/dashboard/")
    units = {row[1]: row for row in _shown(response, "units")}
    assert units["诸暨市水务集团"] == [
        *["1", "诸暨市水务集团", "County department"],
        *[*_rate(1, 1), *_rate(1, 1), *_rate(1, 1), "100.0"],
    ]
    assert units["诸暨市12345热线受理中心"][:2] == ["—", "诸暨市12345热线受理中心"]
    # The water group's case was in 天竺; 枫桥镇's figures do not move.
    fengqiao = _shown(response, "ranking")[0]
    assert fengqiao == ["1", "枫桥镇", *_rate(4, 6), *_rate(3, 4), *_rate(3, 4), "72.5"]
