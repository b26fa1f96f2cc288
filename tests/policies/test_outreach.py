"""Matching opens outreach items; the village's cadres record what came of them."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fieldwork.households import household, member
from policies.policy_data import ELDERLY, policy

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import Role, Unit, UnitKind, User
from jiceng.policies.models import Benefit, Outcome, Outreach, Policy, PolicyRuleChange
from jiceng.policies.progress import outreach_progress
from jiceng.policies.selectors import outreach_for
from jiceng.policies.services import (
    outreach_record,
    policies_match,
    policy_rule_set,
    policy_save,
)

from factories import JIANGDONG, TIANZHU

TODAY = date(2026, 3, 2)


@pytest.fixture
def matched(users: dict[str, User], monday: object) -> dict[str, Any]:
    grandma = member(household(), born=date(1940, 5, 1))
    stranger = member(household(JIANGDONG), born=date(1939, 5, 1))
    policy("elderly", ELDERLY)
    policies_match(today=TODAY)
    return {"grandma": grandma, "stranger": stranger}


def test_matching_opens_one_item_per_person_in_their_village(matched: dict[str, Any]) -> None:
    items = {(o.resident_id, o.village_id, o.outcome) for o in Outreach.objects.all()}
    assert items == {
        (matched["grandma"].pk, TIANZHU, Outcome.OPEN),
        (matched["stranger"].pk, JIANGDONG, Outcome.OPEN),
    }
    assert Outreach.objects.get(resident=matched["grandma"]).reasons == [
        "aged 80 or over",
        "registered in 330681",
    ]


def test_matching_again_keeps_items_and_their_outcomes(
    users: dict[str, User], matched: dict[str, Any]
) -> None:
    item = Outreach.objects.get(resident=matched["grandma"])
    outreach_record(item=item, outcome=Outcome.APPLIED, by=users["cadre"])
    policies_match(today=TODAY)
    assert Outreach.objects.count() == 2
    assert Outreach.objects.get(pk=item.pk).outcome == Outcome.APPLIED


def test_received_records_the_benefit_so_the_person_is_not_matched_again(
    users: dict[str, User], matched: dict[str, Any]
) -> None:
    item = Outreach.objects.get(resident=matched["grandma"])
    outreach_record(item=item, outcome=Outcome.EXPLAINED, by=users["grid_worker"])
    outreach_record(item=item, outcome=Outcome.RECEIVED, by=users["cadre"], note="三月起发放")
    assert Benefit.objects.filter(resident=matched["grandma"]).exists()
    persons = {m.person for m in policies_match(today=TODAY, within=TIANZHU)}
    assert persons == set()


@pytest.mark.parametrize("outcome", [Outcome.DECLINED, Outcome.NOT_ELIGIBLE])
def test_declined_and_not_eligible_close_the_item_without_a_benefit(
    users: dict[str, User], matched: dict[str, Any], outcome: str
) -> None:
    item = Outreach.objects.get(resident=matched["grandma"])
    outreach_record(item=item, outcome=outcome, by=users["cadre"])
    assert not Benefit.objects.exists()
    with pytest.raises(InvalidInput):
        outreach_record(item=item, outcome=Outcome.APPLIED, by=users["cadre"])


def test_an_unknown_outcome_is_refused(users: dict[str, User], matched: dict[str, Any]) -> None:
    item = Outreach.objects.get(resident=matched["grandma"])
    with pytest.raises(InvalidInput) as error:
        outreach_record(item=item, outcome=Outcome.OPEN, by=users["cadre"])
    assert error.value.field == "outcome"


@pytest.mark.parametrize("who", ["neighbour_cadre", "outsider_cadre", "township", "dispatcher"])
def test_only_the_villages_own_cadres_record_outcomes_or_list_items(
    users: dict[str, User], matched: dict[str, Any], who: str
) -> None:
    item = Outreach.objects.get(resident=matched["grandma"])
    with pytest.raises(NotAllowed):
        outreach_record(item=item, outcome=Outcome.APPLIED, by=users[who])
    if who.endswith("cadre"):
        assert item.pk not in set(outreach_for(users[who]).values_list("pk", flat=True))
    else:
        with pytest.raises(NotAllowed):
            outreach_for(users[who])


def test_township_staff_see_progress_per_policy_and_village_of_their_township(
    users: dict[str, User], matched: dict[str, Any]
) -> None:
    item = Outreach.objects.get(resident=matched["grandma"])
    outreach_record(item=item, outcome=Outcome.APPLIED, by=users["cadre"])
    [row] = outreach_progress(users["township"])
    assert (row.village, row.total, row.done) == ("天竺社区居委会", 1, 1)
    with pytest.raises(NotAllowed):
        outreach_progress(users["water"])


def test_a_policy_with_a_bad_rule_is_not_saved(users: dict[str, User]) -> None:
    fields = {
        "title": "t",
        "issuing_body": "b",
        "summary": "s",
        "who_qualifies": "w",
        "benefit": "b",
        "how_to_apply": "h",
        "valid_from": TODAY,
    }
    with pytest.raises(InvalidInput):
        policy_save(by=users["admin"], code="bad", scope="330681", rule={"all": []}, **fields)
    with pytest.raises(NotAllowed):
        policy_save(by=users["cadre"], code="ok", scope="330681", rule=ELDERLY, **fields)
    saved = policy_save(by=users["water"], code="ok", scope="330681", rule=ELDERLY, **fields)
    assert saved.rule == ELDERLY


def test_a_department_owns_the_policies_it_creates_and_others_cannot_change_them(
    users: dict[str, User], org: dict[str, Unit]
) -> None:
    fields = {
        "title": "t",
        "issuing_body": "b",
        "summary": "s",
        "who_qualifies": "w",
        "benefit": "b",
        "how_to_apply": "h",
        "valid_from": TODAY,
    }
    saved = policy_save(by=users["water"], code="ok", scope="330681", rule=ELDERLY, **fields)
    assert saved.owner == org["water"]
    other = Unit.objects.create(kind=UnitKind.DEPARTMENT, name="民政", division_id="330681")
    civil = User.objects.create_user(
        username="civil", role=Role.DEPARTMENT_STAFF, unit=other, password="pw"
    )
    older = {"all": [{"field": "age", "op": ">=", "value": 100}]}
    for intruder in (civil, users["leader"]):
        with pytest.raises(NotAllowed):
            policy_save(by=intruder, code="ok", scope="330681", rule=older, **fields)
        with pytest.raises(NotAllowed):
            policy_rule_set(policy=saved, rule=older, by=intruder)
    assert Policy.objects.get(code="ok").rule == ELDERLY
    policy_save(by=users["admin"], code="ok", scope="330681", rule=older, **fields)
    stored = Policy.objects.get(code="ok")
    assert stored.rule == older and stored.owner == org["water"]
    [change] = PolicyRuleChange.objects.all()
    assert (change.by, change.old_rule, change.new_rule) == (users["admin"], ELDERLY, older)
