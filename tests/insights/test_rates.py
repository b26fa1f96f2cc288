"""The rates worked out by hand, case by case, against what the code counts from the rows.

Every case is in 天竺社区 (枫桥镇) unless said otherwise, category "transport"
(general limit: respond within 24 hours), starting Monday 2 March 2026 09:00.
docs/rates.md walks through the same cases. A line is (clocks, answered in time). Each
submission starts the dispatch centre's clock, answered when it dispatches.
"""

from datetime import timedelta

import pytest

from jiceng.cases import services
from jiceng.cases.models import CaseEvent, EventKind
from jiceng.cases.sweep import sweep
from jiceng.insights.rates import AreaRates, area_months, monthly_rates, rank, unit_rates, wilson

from factories import FENGQIAO, JIANGDONG, TIANZHU, at, local, resolve_and_rate, submit

pytestmark = pytest.mark.django_db

MON = local(2026, 3, 2, 9, 0)
HOUR = timedelta(hours=1)


def _dispatched(users, moment=MON, **extra):
    case = at(moment, submit, users=users, **extra)
    at(moment, services.case_dispatch, case=case, by=users["dispatcher"])
    return case


def _lines(org, month=3):
    """Each unit's (clocks, answered in time) in the month, by the fixture's unit names."""
    rows = {r.unit_id: r for r in unit_rates(year=2026, month=month, within="330681")}
    return {name: (rows[unit.pk].dispatched, rows[unit.pk].responded) for name, unit in org.items()}


def _only(lines, **expected):
    """The named units have these lines; every other unit has no clock."""
    return {name: line for name, line in lines.items() if line != (0, 0)} == expected


def test_accept_then_escalate_answers_the_village_and_starts_the_township(users, org):
    case = _dispatched(users)
    at(MON + HOUR, services.case_accept, case=case, by=users["cadre"])
    at(MON + 2 * HOUR, services.case_escalate, case=case, by=users["cadre"], reason="需镇协调")
    at(MON + 3 * HOUR, services.case_accept, case=case, by=users["township"])
    assert _only(_lines(org), centre=(1, 1), tianzhu=(1, 1), fengqiao=(1, 1))
    # The area rule: 枫桥镇 = its government + its village committees.
    fengqiao = monthly_rates(year=2026, month=3, within="330681", level="township")
    assert [(r.code, r.dispatched, r.responded) for r in fengqiao if r.dispatched] == [
        (FENGQIAO, 2, 2)
    ]


def test_escalating_without_accepting_first_is_a_response_not_a_miss(users, org):
    case = _dispatched(users)
    at(MON + HOUR, services.case_escalate, case=case, by=users["cadre"], reason="需镇协调")
    # The township's own clock runs from the escalation (10:00) and it signs 25 hours later.
    at(MON + 26 * HOUR, services.case_accept, case=case, by=users["township"])
    assert _only(_lines(org), centre=(1, 1), tianzhu=(1, 1), fengqiao=(1, 0))


def test_a_return_within_the_window_answers_the_clock(users, org):
    case = _dispatched(users)
    at(MON + 6 * HOUR, services.case_return, case=case, by=users["cadre"], reason="不属本村")
    at(
        MON + 7 * HOUR,
        services.case_dispatch,
        case=case,
        by=users["dispatcher"],
        unit=org["baishu"],
    )
    at(MON + 25 * HOUR, services.case_accept, case=case, by=users["neighbour_cadre"])
    # Baishu's clock started at 16:00; it signed at 10:00 next day, 18 hours later. The return
    # started the dispatch centre's second clock, answered by the dispatch an hour later.
    assert _only(_lines(org), centre=(2, 2), tianzhu=(1, 1), baishu=(1, 1))


def test_a_return_after_the_window_is_a_miss(users, org):
    case = _dispatched(users)
    at(MON + 25 * HOUR, services.case_return, case=case, by=users["cadre"], reason="不属本村")
    # The return starts the dispatch centre's second clock, still waiting: not answered.
    assert _only(_lines(org), centre=(2, 1), tianzhu=(1, 0))


def test_a_reopened_case_gets_a_second_clock_and_a_second_rating(users, org):
    case = _dispatched(users)
    at(MON + HOUR, services.case_accept, case=case, by=users["cadre"])
    resolve_and_rate(users, case, MON + 24 * HOUR, "unsatisfied", False)  # reopens at 12:00 Tue
    at(MON + 49 * HOUR, services.case_accept, case=case, by=users["cadre"])  # 10:00 Wed
    resolve_and_rate(users, case, MON + 72 * HOUR, "satisfied", True)
    assert _only(_lines(org), centre=(1, 1), tianzhu=(2, 2))
    tianzhu = next(r for r in unit_rates(year=2026, month=3, within=TIANZHU))
    assert (tianzhu.rated, tianzhu.solved, tianzhu.satisfied, tianzhu.basically) == (2, 1, 1, 0)
    assert tianzhu.resolution_rate == pytest.approx(0.5)
    assert tianzhu.satisfaction_rate == pytest.approx(0.5)


def test_merging_a_duplicate_answers_its_clock(users, org):
    first = _dispatched(users)
    at(MON + HOUR, services.case_accept, case=first, by=users["cadre"])
    duplicate = _dispatched(users, MON + HOUR)
    at(MON + 2 * HOUR, services.case_merge, case=duplicate, into=first, by=users["cadre"])
    assert _only(_lines(org), centre=(2, 2), tianzhu=(2, 2))


def test_automatic_escalation_is_late_for_the_giver_and_a_clock_for_the_receiver(users, org):
    never_signed = _dispatched(users)
    signed = _dispatched(users)
    at(MON + HOUR, services.case_accept, case=signed, by=users["cadre"])
    # Seven working days from Monday 2 March run out on Wednesday 11 March; sweep on Friday.
    swept = local(2026, 3, 13, 9, 0)
    report = at(swept, sweep)
    assert sorted(report.escalated) == sorted([never_signed.number, signed.number])
    never_signed.refresh_from_db()
    at(swept + HOUR, services.case_accept, case=never_signed, by=users["township"])
    # The never-signed case's first response is the automatic escalation, eleven days late.
    assert _only(_lines(org), centre=(2, 2), tianzhu=(2, 1), fengqiao=(2, 1))


def test_department_work_in_a_village_counts_for_the_department_not_the_village(users, org):
    case = _dispatched(users, category="utilities")  # the catalogue sends it to the water group
    at(MON + HOUR, services.case_accept, case=case, by=users["water"])  # within its 2 hours
    resolve_and_rate(users, case, MON + 5 * HOUR, "satisfied", True, by="water")
    assert _only(_lines(org), centre=(1, 1), water=(1, 1))
    water = next(
        r for r in unit_rates(year=2026, month=3, within="330681") if r.kind == "department"
    )
    assert (water.rated, water.solved, water.satisfied) == (1, 1, 1)
    villages = monthly_rates(year=2026, month=3, within=FENGQIAO, level="village")
    tianzhu = next(r for r in villages if r.code == TIANZHU)
    assert (tianzhu.dispatched, tianzhu.rated) == (0, 0)
    # Where it happened is still reported: a case of 天竺 resolved at county level.
    assert tianzhu.resolved_by_tier == {"county": 1}
    # The county adds its departments, its government and its dispatch centre.
    county = area_months(code="330681", name="诸暨市", months=[(2026, 3)])[0]
    assert (county.dispatched, county.responded, county.rated) == (2, 2, 1)


def test_a_clock_counts_in_the_month_it_started(users, org):
    case = _dispatched(users, local(2026, 2, 27, 9, 0))
    at(local(2026, 3, 2, 8, 0), services.case_accept, case=case, by=users["cadre"])
    assert _only(_lines(org, month=2), centre=(1, 1), tianzhu=(1, 0))
    assert _only(_lines(org, month=3))


def _rated_cases(users, count, *, village=TIANZHU, cadre="cadre"):
    for day in range(count):
        case = _dispatched(users, MON + timedelta(days=day), village=village)
        at(MON + timedelta(days=day, hours=1), services.case_accept, case=case, by=users[cadre])
        resolve_and_rate(users, case, MON + timedelta(days=day, hours=5), "satisfied", True, cadre)


def test_too_few_ratings_are_shown_but_not_ranked(users, org, settings):
    _rated_cases(users, 3)
    _rated_cases(users, 2, village=JIANGDONG, cadre="outsider_cadre")
    settings.JICENG_RANKING_MIN_RATED = 3
    rows = monthly_rates(year=2026, month=3, within="330681", level="village")
    tianzhu, jiangdong = (next(r for r in rows if r.code == c) for c in (TIANZHU, JIANGDONG))
    assert (tianzhu.rank, tianzhu.rated, tianzhu.too_few) == (1, 3, False)
    assert (jiangdong.rank, jiangdong.rated, jiangdong.too_few) == (None, 2, True)
    assert jiangdong.composite == pytest.approx(100.0)  # a perfect score, still not ranked
    settings.JICENG_RANKING_MIN_RATED = 10  # the default: nobody here has enough
    rows = monthly_rates(year=2026, month=3, within="330681", level="village")
    assert all(r.rank is None and r.too_few for r in rows)


def test_wilson_interval_matches_the_worked_value():
    low, high = wilson(8, 10)  # docs/rates.md works this one out
    assert (round(low, 4), round(high, 4)) == (0.4902, 0.9433)
    low, high = wilson(1, 1)  # one out of one is no proof of 100 %
    assert (round(low, 4), high) == (0.2065, 1.0)
    assert wilson(0, 5)[0] == 0.0
    assert wilson(0, 0) is None


def test_each_rate_carries_its_count_and_interval(users, org):
    _rated_cases(users, 2)
    tianzhu = next(r for r in unit_rates(year=2026, month=3, within=TIANZHU))
    assert (tianzhu.response.part, tianzhu.response.whole) == (2, 2)
    assert tianzhu.satisfaction.interval == pytest.approx(wilson(2, 2))


def _scored(code, solved):
    """Ten answered clocks and ten satisfied ratings, ``solved`` of which solved."""
    return AreaRates(code=code, dispatched=10, responded=10, rated=10, solved=solved, satisfied=10)


def test_equal_scores_share_a_rank_and_the_next_one_skips():
    rows = rank([_scored("c", 8), _scored("a", 9), _scored("b", 9), AreaRates(code="d")])
    assert [(r.code, r.rank) for r in rows] == [("a", 1), ("b", 1), ("c", 3), ("d", None)]


def test_units_are_ranked_against_their_own_kind_and_the_centre_never(users, org, settings):
    settings.JICENG_RANKING_MIN_RATED = 1
    _rated_cases(users, 1)
    _rated_cases(users, 1, village=JIANGDONG, cadre="outsider_cadre")
    rows = unit_rates(year=2026, month=3, within="330681")
    ranks = {r.unit_id: r.rank for r in rows}
    assert ranks[org["tianzhu"].pk] == ranks[org["jiangdong"].pk] == 1
    assert ranks[org["centre"].pk] is None


def test_a_handover_to_the_dispatch_centre_with_a_deadline_is_the_centres_clock(users, org):
    """Submission, release and return will carry the centre's deadline; the rows they will
    write are made here by giving two submissions a deadline of 11:00."""
    prompt = at(MON, submit, users=users)
    slow = at(MON, submit, users=users)
    CaseEvent.objects.filter(case__in=[prompt, slow], kind=EventKind.SUBMIT).update(
        respond_by=MON + 2 * HOUR
    )
    at(MON + HOUR, services.case_dispatch, case=prompt, by=users["dispatcher"])
    at(MON + 3 * HOUR, services.case_dispatch, case=slow, by=users["dispatcher"])
    # 天竺 returns the prompt one at 11:00; the return gives the centre until 13:00.
    at(MON + 2 * HOUR, services.case_return, case=prompt, by=users["cadre"], reason="错派")
    CaseEvent.objects.filter(case=prompt, kind=EventKind.RETURN).update(respond_by=MON + 4 * HOUR)
    at(MON + 3 * HOUR, services.case_dispatch, case=prompt, by=users["dispatcher"])
    lines = _lines(org)
    # The centre: submission answered 10:00 (by 11:00), submission answered 12:00 (late),
    # return answered 12:00 (by 13:00). 天竺: the return answered its first clock; the
    # other two are not answered yet.
    assert (lines["centre"], lines["tianzhu"]) == ((3, 2), (3, 1))
    centre = next(
        r for r in unit_rates(year=2026, month=3, within="330681") if r.kind == "dispatch"
    )
    assert centre.rank is None  # its own line, never ranked


def test_an_answer_months_after_the_clock_is_still_its_first_response(users, org):
    """The first response is looked for near the clock first (clocks.NEAR), then anywhere:
    a clock with a long deadline, answered after NEAR, is answered in time all the same."""
    from jiceng.insights.rates.clocks import NEAR

    late = _dispatched(users)
    never = _dispatched(users)
    CaseEvent.objects.filter(case__in=[late, never], kind=EventKind.DISPATCH).update(
        respond_by=MON + NEAR * 2
    )
    at(MON + NEAR + 7 * 24 * HOUR, services.case_accept, case=late, by=users["cadre"])
    assert _only(_lines(org), centre=(2, 2), tianzhu=(2, 1))
