"""One rule book: for every role × state × transition, the service, the web and the API agree.

Each transition is tried for real through its service and rolled back; the web's
offered actions come from the case page's selector; the API is called with a valid
body as the same user (session login) and rolled back too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from django.test import Client

from jiceng.cases import rules, selectors, services
from jiceng.cases.models import Case, Category, State
from jiceng.cases.permissions import visible_cases
from jiceng.cases.services.quarantine import quarantine
from jiceng.core.errors import IllegalTransition, JicengError, NotAllowed
from jiceng.people.models import User

from factories import BAISHU, TIANZHU, accepted, dispatched, resolved, rolled_back, submit

pytestmark = pytest.mark.django_db

ROLES = [
    "dispatcher",
    "cadre",
    "grid_worker",
    "neighbour_cadre",
    "township",
    "outsider",
    "water",
    "leader",
    "admin",
    "resident",
]
API_BODIES: dict[str, dict[str, Any]] = {
    rules.DISPATCH: {},
    rules.ACCEPT: {},
    rules.RETURN: {"reason": "派错了"},
    rules.ESCALATE: {"reason": "需要上级协调"},
    rules.RESOLVE: {"answer": "已处理完毕。"},
    rules.REPLY: {"reply": "材料已报镇里，预计下周施工。"},
    rules.RATE: {"solved": True, "satisfaction": "satisfied"},
    rules.REOPEN: {"reason": "问题又出现了"},
}


def _rolled_back(work: Callable[[], Any]) -> Any:
    """Run ``work`` and undo whatever it wrote; its result, or the error it raised."""
    return rolled_back(work, errors=(JicengError,))


def _cases(users: dict[str, User]) -> list[Case]:
    """A case in every state the rule book knows, on each tier."""
    closed = resolved(users)
    services.case_rate(case=closed, solved=True, satisfaction="satisfied")
    duplicate, original = submit(users), submit(users)
    services.case_merge(case=duplicate, into=original, by=users["dispatcher"])
    held = submit(users, description="澳门赌场在线开户 " * 20, channel="web")
    if held.state != State.QUARANTINED:  # the spam check may pass it: hold it by hand
        quarantine(held, score=1.0, reasons=["test"])
    at_township = accepted(users)
    services.case_escalate(case=at_township, by=users["cadre"], reason="村里解决不了")
    water_work = dispatched(users, category="utilities")
    services.case_accept(case=water_work, by=users["water"])
    consultation = services.case_consult(
        category=Category.objects.get(code="social_security"),
        question="养老保险怎么交？",
        answer="到村便民服务中心办理。",
        division_code=TIANZHU,
        contact_phone="13812345678",
        by=users["dispatcher"],
    )
    return [
        submit(users),
        dispatched(users),
        accepted(users),
        resolved(users),
        closed,
        duplicate,
        held,
        at_township,
        dispatched(users, category="utilities"),
        water_work,
        dispatched(users, village=BAISHU),
        submit(users, village=BAISHU),
        consultation,
    ]


def _service(user: User, case: Case, action: str, into: Case | None) -> bool:
    calls: dict[str, Callable[[Case], object]] = {
        rules.ACCEPT: lambda c: services.case_accept(case=c, by=user),
        rules.RESOLVE: lambda c: services.case_resolve(case=c, by=user, answer="已处理"),
        rules.REPLY: lambda c: services.case_reply(case=c, by=user, reply="正在协调施工队"),
        rules.ESCALATE: lambda c: services.case_escalate(case=c, by=user, reason="需要上级"),
        rules.RETURN: lambda c: services.case_return(case=c, by=user, reason="派错了"),
        rules.MERGE: lambda c: services.case_merge(case=c, into=into, by=user),  # type: ignore[arg-type]
        rules.NOTE: lambda c: services.case_note(case=c, by=user, note="备注"),
        rules.DISPATCH: lambda c: services.case_dispatch(case=c, by=user),
        rules.RATE: lambda c: services.case_rate(
            case=c, solved=True, satisfaction="satisfied", by=user
        ),
        rules.REOPEN: lambda c: services.case_reopen(case=c, by=user, reason="复发"),
    }
    fresh = Case.objects.select_related("owner", "category__time_limit").get(pk=case.pk)
    outcome = _rolled_back(lambda: calls[action](fresh))
    if isinstance(outcome, JicengError):
        # A refusal is always one of the rule book's two answers, never a crash or bad input.
        assert isinstance(outcome, IllegalTransition | NotAllowed), (action, outcome.message)
        return False
    return True


def _web(user: User, case: Case, action: str) -> bool:
    if not visible_cases(user).filter(pk=case.pk).exists():
        return False
    return action in selectors.available_actions(user, selectors.case_detail(user, case.number))


def _api(client: Client, case: Case, action: str, into: Case | None) -> bool:
    body = dict(API_BODIES.get(action, {"into": into.number if into else "none"}))

    def post() -> Any:
        return client.post(
            f"/api/v1/cases/{case.number}/{action}",
            json.dumps(body),
            content_type="application/json",
        )

    response = _rolled_back(post)
    assert response.status_code in (200, 403, 404, 409), (action, response.content)
    return bool(response.status_code == 200)


@pytest.mark.parametrize("role", ROLES)
def test_the_service_the_web_and_the_api_agree_on_every_transition(
    client: Client, users: dict[str, User], monday: datetime, role: str
) -> None:
    user = users[role]
    cases = _cases(users)
    client.force_login(user)
    allowed = 0
    for case in cases:
        # A case to merge into: another one the user can see, if there is one.
        others = visible_cases(user).exclude(pk=case.pk).exclude(state=State.MERGED)
        target = others.order_by("pk").first()
        for action in rules.ACTIONS:
            by_service = _service(user, case, action, target)
            assert _web(user, case, action) == by_service, (role, case.state, action)
            if action != rules.NOTE:  # notes are internal to the workbench
                assert _api(client, case, action, target) == by_service, (role, case.state, action)
            allowed += by_service
    # The walk is not vacuous: staff of the case's units can act, others cannot.
    if role in ("dispatcher", "cadre", "grid_worker", "township", "water"):
        assert allowed > 0
    if role in ("outsider", "leader", "admin", "resident"):
        assert allowed == 0


def test_every_offered_action_is_declared_once_with_its_states_and_roles() -> None:
    for action in rules.ACTIONS:
        rule = rules.RULES[action]
        assert rule.states, action
        assert rule.roles, action
    assert set(rules.ACTIONS) <= set(rules.RULES)


def test_the_system_may_do_only_what_the_rule_book_lets_it(
    users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    assert rules.permits(None, case, rules.ESCALATE)
    assert rules.permits(None, case, rules.REMIND)
    assert not rules.permits(None, case, rules.ACCEPT)
    with pytest.raises(NotAllowed):
        services.case_accept(case=case, by=None)  # type: ignore[arg-type]


def test_a_refusal_names_the_state_that_rules_the_action_out(
    users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    with pytest.raises(IllegalTransition, match="Cannot resolve a case that is dispatched"):
        services.case_resolve(case=case, by=users["cadre"], answer="好了")
    with pytest.raises(NotAllowed, match="Only the unit that owns case"):
        services.case_accept(case=case, by=users["township"])


def test_the_documented_rule_book_is_the_rule_book() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "cases.md").read_text(encoding="utf-8")
    table = doc.split("<!-- rule book: start -->\n", 1)[1].split("<!-- rule book: end -->", 1)[0]
    assert table == rules.markdown_table()
