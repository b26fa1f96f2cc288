"""Likely duplicates at intake: the same problem reported again, in the same county."""

from __future__ import annotations

from datetime import timedelta

from jiceng.cases import intake, services
from jiceng.cases.models import Case
from jiceng.core import clock, memo

from factories import BAISHU, JIANGDONG, resolved, submit
from intake_support import BRIDGE, BRIDGE_AGAIN, LAMPS, SHENGZHOU_VILLAGE, other_county_dispatcher


def numbers(found: list[intake.Duplicate]) -> list[str]:
    return [d.case.number for d in found]


def test_a_reworded_report_of_the_same_problem_is_listed_first(users, monday):
    first = submit(users, description=BRIDGE, title="")
    submit(users, description=LAMPS, title="", division_code=BAISHU)
    again = submit(users, description=BRIDGE_AGAIN, title="")
    found = intake.likely_duplicates(users["dispatcher"], again)
    assert numbers(found) == [first.number]
    assert intake.DUPLICATE_MIN_SCORE <= found[0].score <= 1.0


def test_cases_submitted_after_the_index_was_built_are_found(users, monday):
    lamps = submit(users, description=LAMPS, title="", division_code=BAISHU)
    assert intake.likely_duplicates(users["dispatcher"], lamps) == []
    first = submit(users, description=BRIDGE, title="")
    again = submit(users, description=BRIDGE_AGAIN, title="")
    assert numbers(intake.likely_duplicates(users["dispatcher"], again)) == [first.number]


def test_merged_cases_and_other_counties_are_not_listed(users, monday):
    outsider = other_county_dispatcher()
    elsewhere = submit(users, description=BRIDGE, title="", division_code=SHENGZHOU_VILLAGE)
    merged = submit(users, description=BRIDGE, title="")
    target = submit(users, description="请帮忙查一下我上周反映的事情办到哪一步了。", title="")
    services.case_merge(case=merged, into=target, by=users["dispatcher"])
    again = submit(users, description=BRIDGE_AGAIN, title="")
    assert numbers(intake.likely_duplicates(users["dispatcher"], again)) == []
    assert numbers(intake.likely_duplicates(outsider, elsewhere)) == []
    assert Case.objects.filter(pk=elsewhere.pk).exists()


def test_a_case_closed_long_ago_is_not_listed_but_a_recent_one_is(users, monday):
    old = resolved(users, description=BRIDGE, title="")
    again = submit(users, description=BRIDGE_AGAIN, title="")
    assert numbers(intake.likely_duplicates(users["dispatcher"], again)) == [old.number]
    memo.forget_all()  # as after a restart
    with clock.frozen_at(monday + timedelta(days=intake.RECENT_DAYS + 1)):
        assert intake.likely_duplicates(users["dispatcher"], again) == []


def test_only_cases_the_user_may_see_are_listed(users, monday):
    first = submit(users, description=BRIDGE, title="")
    again = submit(users, description=BRIDGE_AGAIN, title="", division_code=JIANGDONG)
    assert numbers(intake.likely_duplicates(users["dispatcher"], again)) == [first.number]
    assert intake.likely_duplicates(users["outsider"], again) == []
