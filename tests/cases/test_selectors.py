"""Scoped reads for the workbench: queues, filters, search, one case, and what a user may do now."""

from datetime import timedelta

import pytest
from django.db import transaction

from jiceng.cases import rules, selectors, services
from jiceng.cases.models import Case, Kind, State, Urgency
from jiceng.cases.permissions import visible_cases
from jiceng.cases.selectors import CaseFilters
from jiceng.core import clock
from jiceng.core.errors import JicengError, NotAllowed
from jiceng.people.models import UnitKind
from jiceng.places.models import Level

from factories import (
    BAISHU,
    FENGQIAO,
    JIANGDONG,
    JIYANG,
    TIANZHU,
    accepted,
    dispatched,
    resolved,
    submit,
)

pytestmark = pytest.mark.django_db


def _numbers(cases):
    return [case.number for case in cases]


# --- queues ----------------------------------------------------------------------------------


def test_cadre_queue_holds_the_units_open_cases_nearest_deadline_first(users, monday):
    slow = accepted(users, category="housing")  # 15 working days
    usual = dispatched(users)  # 7 working days
    urgent = accepted(users, urgency=Urgency.EMERGENCY)  # 2 hours
    resolved(users)
    dispatched(users, village=BAISHU)
    assert _numbers(selectors.queue_cases(users["cadre"])) == [
        urgent.number,
        usual.number,
        slow.number,
    ]


def test_grid_worker_shares_the_village_queue(users, monday):
    case = dispatched(users)
    assert _numbers(selectors.queue_cases(users["grid_worker"])) == [case.number]


def test_dispatcher_queue_is_waiting_requests_then_call_backs(users, monday):
    waiting = submit(users)
    to_call = resolved(users)
    dispatched(users)
    assert _numbers(selectors.queue_cases(users["dispatcher"])) == [waiting.number, to_call.number]


def test_the_dispatchers_call_backs_are_the_countys_resolved_cases_only(users, monday):
    """At city scale read through ``case_resolved_place``: the county's resolved cases, not
    every case of the county crossed with the city's resolved ones (bench/city/README.md)."""
    to_call = resolved(users)
    rated = resolved(users)
    services.case_rate(case=rated, solved=True, satisfaction="satisfied")  # closed
    accepted(users)
    elsewhere = resolved(users)
    Case.objects.filter(pk=elsewhere.pk).update(division_id="3306")  # outside the county
    queue = selectors.queue_cases(users["dispatcher"])
    assert _numbers(queue) == [to_call.number]


def test_returned_case_comes_back_to_the_dispatcher_queue(users, monday):
    case = dispatched(users)
    services.case_return(case=case, by=users["cadre"], reason="不属于本村")
    assert _numbers(selectors.queue_cases(users["dispatcher"])) == [case.number]
    assert _numbers(selectors.queue_cases(users["cadre"])) == []


def test_leaders_and_residents_have_no_queue(users, monday):
    dispatched(users)
    assert not selectors.queue_cases(users["leader"]).exists()
    assert not selectors.queue_cases(users["resident"]).exists()


def test_township_area_lists_its_villages_cases_but_not_its_own(users, monday):
    village = dispatched(users, village=BAISHU)
    services.case_escalate(case=accepted(users), by=users["cadre"], reason="需要镇里协调")
    dispatched(users, village=JIANGDONG)
    assert _numbers(selectors.area_cases(users["township"])) == [village.number]


def test_department_area_is_its_remit_owned_by_others(users, org, monday):
    water_case = dispatched(users, category="utilities")
    at_village = submit(users, category="utilities")
    services.case_dispatch(case=at_village, by=users["dispatcher"], unit=org["tianzhu"])
    dispatched(users)
    assert _numbers(selectors.queue_cases(users["water"])) == [water_case.number]
    assert _numbers(selectors.area_cases(users["water"])) == [at_village.number]


# --- filters and search ----------------------------------------------------------------------


def _accepted_in_baishu(users, **extra):
    case = dispatched(users, village=BAISHU, **extra)
    services.case_accept(case=case, by=users["neighbour_cadre"])
    return case


@pytest.fixture
def mixed(users, monday):
    with clock.frozen_at(monday - timedelta(days=40)):
        old = _accepted_in_baishu(users, category="housing")
    return {
        "old": old,
        "road": dispatched(users, title="路灯不亮"),
        "water": dispatched(users, category="environment", description="河道里漂着垃圾"),
        "baishu": _accepted_in_baishu(users),
    }


def _filtered(user, **filters):
    return set(_numbers(selectors.filter_cases(selectors.area_cases(user), CaseFilters(**filters))))


def test_filter_by_state(users, mixed):
    accepted_ones = _filtered(users["township"], states=(State.ACCEPTED,))
    assert accepted_ones == {mixed["old"].number, mixed["baishu"].number}


def test_filter_by_category(users, mixed):
    assert _filtered(users["township"], category="environment") == {mixed["water"].number}


def test_filter_by_village(users, mixed):
    assert _filtered(users["township"], place=TIANZHU) == {
        mixed["road"].number,
        mixed["water"].number,
    }


def test_filter_by_submission_date(users, mixed, monday):
    recent = _filtered(users["township"], submitted_from=monday - timedelta(days=7))
    assert mixed["old"].number not in recent and len(recent) == 3
    early = _filtered(users["township"], submitted_before=monday - timedelta(days=30))
    assert early == {mixed["old"].number}


def test_search_finds_number_title_and_description(users, mixed):
    assert _filtered(users["township"], text="路灯不亮") == {mixed["road"].number}
    assert _filtered(users["township"], text="漂着垃圾") == {mixed["water"].number}
    assert _filtered(users["township"], text=mixed["old"].number) == {mixed["old"].number}


def test_a_filter_on_another_township_finds_nothing(users, mixed):
    dispatched(users, village=JIANGDONG)
    assert _filtered(users["township"], place=JIANGDONG) == set()
    assert _filtered(users["cadre"], place=BAISHU) == set()


# --- one case ---------------------------------------------------------------------------------


def test_case_detail_refuses_a_case_outside_the_jurisdiction(users, monday):
    case = dispatched(users)
    with pytest.raises(NotAllowed):
        selectors.case_detail(users["neighbour_cadre"], case.number)
    with pytest.raises(NotAllowed):
        selectors.case_detail(users["outsider"], case.number)
    assert selectors.case_detail(users["township"], case.number).pk == case.pk


def test_timeline_has_every_event_with_internal_notes(users, monday):
    case = accepted(users)
    services.case_note(case=case, by=users["township"], note="请村里尽快处理")
    kinds = [event.kind for event in selectors.case_timeline(case)]
    assert kinds == ["submit", "dispatch", "accept", "note"]


# --- what the user may do now --------------------------------------------------------------


def test_owner_of_a_dispatched_case_may_accept_escalate_return_merge_and_note(users, monday):
    case = selectors.case_detail(users["cadre"], dispatched(users).number)
    assert selectors.available_actions(users["cadre"], case) == [
        "accept",
        "escalate",
        "return",
        "merge",
        "note",
    ]


def test_owner_of_an_accepted_case_may_resolve_or_reply(users, monday):
    case = selectors.case_detail(users["cadre"], accepted(users).number)
    offered = selectors.available_actions(users["cadre"], case)
    assert offered == ["resolve", "reply", "escalate", "note"]


def test_supervising_township_may_only_add_notes(users, monday):
    case = selectors.case_detail(users["township"], dispatched(users).number)
    assert selectors.available_actions(users["township"], case) == ["note"]


def test_dispatcher_dispatches_submitted_and_rates_resolved_cases(users, monday):
    waiting = selectors.case_detail(users["dispatcher"], submit(users).number)
    done = selectors.case_detail(users["dispatcher"], resolved(users).number)
    assert selectors.available_actions(users["dispatcher"], waiting) == [
        "dispatch",
        "merge",
        "note",
    ]
    assert selectors.available_actions(users["dispatcher"], done) == ["rate", "reopen", "note"]


def test_department_at_the_top_tier_cannot_escalate(users, monday):
    case = selectors.case_detail(users["water"], dispatched(users, category="utilities").number)
    assert "escalate" not in selectors.available_actions(users["water"], case)
    assert "accept" in selectors.available_actions(users["water"], case)


def test_reopen_is_offered_only_inside_the_window(users, monday):
    case = resolved(users)
    services.case_rate(case=case, solved=True, satisfaction="satisfied")
    with clock.frozen_at(monday + timedelta(days=16)):
        fresh = selectors.case_detail(users["dispatcher"], case.number)
        assert selectors.available_actions(users["dispatcher"], fresh) == ["note"]


def test_consultation_is_never_reopened(users, monday):
    case = services.case_consult(
        category=submit(users).category,
        question="低保怎么申请？",
        answer="带身份证到村里登记。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )
    fresh = selectors.case_detail(users["dispatcher"], case.number)
    assert fresh.kind == Kind.CONSULTATION
    assert selectors.available_actions(users["dispatcher"], fresh) == ["note"]


def _service_accepts(user, case: Case, action: str) -> bool:
    """Try the action through its service and roll it back: does the service allow it?"""
    other = services
    anchor = visible_cases(user).exclude(pk=case.pk).exclude(state=State.MERGED).first()
    calls = {
        "accept": lambda c: other.case_accept(case=c, by=user),
        "resolve": lambda c: other.case_resolve(case=c, by=user, answer="已处理"),
        "reply": lambda c: other.case_reply(case=c, by=user, reply="正在协调"),
        "escalate": lambda c: other.case_escalate(case=c, by=user, reason="需要上级"),
        "return": lambda c: other.case_return(case=c, by=user, reason="派错了"),
        "merge": lambda c: other.case_merge(case=c, into=anchor, by=user),
        "note": lambda c: other.case_note(case=c, by=user, note="备注"),
        "dispatch": lambda c: other.case_dispatch(case=c, by=user),
        "rate": lambda c: other.case_rate(case=c, solved=True, satisfaction="satisfied", by=user),
        "reopen": lambda c: other.case_reopen(case=c, by=user, reason="复发"),
    }
    try:
        with transaction.atomic():
            calls[action](Case.objects.select_related("owner", "category").get(pk=case.pk))
            raise _Undo
    except _Undo:
        return True
    except JicengError:
        return False


class _Undo(Exception):
    pass


@pytest.mark.parametrize("role", ["cadre", "township", "dispatcher", "water", "grid_worker"])
def test_offered_actions_are_exactly_those_the_services_accept(users, monday, role):
    user = users[role]
    submit(users)  # something to merge into
    cases = [
        submit(users),
        dispatched(users),
        accepted(users),
        resolved(users),
        dispatched(users, category="utilities"),
        dispatched(users, category="utilities"),
    ]
    for case in cases:
        if not visible_cases(user).filter(pk=case.pk).exists():
            continue
        visible = selectors.case_detail(user, case.number)
        offered = selectors.available_actions(user, visible)
        accepted_by_services = [a for a in rules.ACTIONS if _service_accepts(user, case, a)]
        assert offered == accepted_by_services, (case.state, case.owner.name)


def test_only_the_owning_unit_may_reveal_the_resident(users, monday):
    case = dispatched(users)
    assert selectors.can_reveal(users["cadre"], selectors.case_detail(users["cadre"], case.number))
    assert not selectors.can_reveal(users["township"], case)
    assert not selectors.can_reveal(users["dispatcher"], case)


# --- places and units ------------------------------------------------------------------------


def test_township_user_chooses_among_its_own_villages(users):
    codes = set(selectors.jurisdiction_villages(users["township"]).values_list("code", flat=True))
    assert codes == {TIANZHU, BAISHU}
    assert selectors.place_in_jurisdiction(users["township"], JIANGDONG, Level.VILLAGE) is None
    assert selectors.place_in_jurisdiction(users["outsider"], FENGQIAO, Level.TOWNSHIP) is None


def test_village_cadre_sees_only_its_village_even_under_its_township(users):
    codes = selectors.jurisdiction_villages(users["cadre"], FENGQIAO).values_list("code", flat=True)
    assert list(codes) == [TIANZHU]
    assert list(selectors.jurisdiction_villages(users["cadre"], JIYANG)) == []


def test_dispatch_targets_are_the_countys_case_owning_units(users, org):
    targets = set(selectors.dispatch_targets(users["dispatcher"]))
    assert org["tianzhu"] in targets and org["water"] in targets
    assert all(unit.kind != UnitKind.DISPATCH for unit in targets)
    assert not selectors.dispatch_targets(users["cadre"]).exists()


@pytest.mark.parametrize(
    "prefix", [FENGQIAO, TIANZHU, "33068110", "330681", JIYANG, "3306811", "99", "-", "33068110900"]
)
def test_place_range_finds_exactly_the_cases_under_the_prefix(users, monday, prefix):
    for village in (TIANZHU, BAISHU, JIANGDONG):
        dispatched(users, village=village)
    by_range = set(Case.objects.filter(selectors.within(prefix)).values_list("pk", flat=True))
    by_prefix = Case.objects.filter(division__code__startswith=prefix).values_list("pk", flat=True)
    assert by_range == set(by_prefix)
