"""The access matrix: every role against every case-level endpoint of the web and the API.

Each request carries a valid body, so that a refusal is the access check's and not a
validation error hiding a leak. Who may act is the rule book's answer (cases.rules);
a refused request leaves the case exactly as it was, and a page or answer that is
refused never carries the case's text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.test import Client

from jiceng.cases import rules, selectors, services
from jiceng.cases.models import Case
from jiceng.cases.permissions import can_see
from jiceng.people.models import AccessLog, User

from factories import JIANGDONG, accepted, dispatched, photo, resolved, rolled_back, submit

pytestmark = pytest.mark.django_db

ROLES = [
    "dispatcher",
    "cadre",
    "grid_worker",
    "neighbour_cadre",
    "township",
    "outsider",
    "outsider_cadre",
    "water",
    "leader",
    "admin",
    "resident",
]
TEXT = "石板桥桥面塌了一个大洞，孩子上学要绕远路。"
WEB_BODIES: dict[str, dict[str, str]] = {
    rules.ACCEPT: {},
    rules.RESOLVE: {"resolve-answer": "已修复。"},
    rules.ESCALATE: {"escalate-reason": "需要上级协调"},
    rules.RETURN: {"return-reason": "派错了"},
    rules.NOTE: {"note-note": "已电话联系"},
    rules.DISPATCH: {"dispatch-unit": ""},
    rules.RATE: {"rate-solved": "yes", "rate-satisfaction": "satisfied", "rate-comment": ""},
    rules.REOPEN: {"reopen-reason": "又坏了"},
}


def _cases(users: dict[str, User]) -> list[Case]:
    kwargs = {"description": TEXT}
    return [
        submit(users, **kwargs),
        dispatched(users, **kwargs),
        accepted(users, **kwargs),
        resolved(users, **kwargs),
        dispatched(users, category="utilities", **kwargs),
        dispatched(users, village=JIANGDONG, **kwargs),
    ]


def _version(case: Case) -> int:
    return Case.objects.get(pk=case.pk).version


@pytest.mark.parametrize("role", ROLES)
def test_every_role_gets_exactly_what_the_rule_book_and_the_jurisdiction_allow(
    client: Client, users: dict[str, User], monday: datetime, role: str, settings: Any, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    user = users[role]
    cases = _cases(users)
    shot = services.case_attach_photo(case=cases[1], file=ContentFile(photo(), name="p.png"))
    client.force_login(user)
    for case in cases:
        case = Case.objects.select_related("owner", "category").get(pk=case.pk)
        sees = can_see(user, case)
        base = f"/workbench/cases/{case.number}/"
        page = client.get(base)
        api = client.get(f"/api/v1/cases/{case.number}")
        for answer in (page, api):
            if sees:
                assert answer.status_code == 200 and TEXT in answer.content.decode(), role
            else:
                assert answer.status_code in (403, 404), (role, answer.status_code)
                assert TEXT not in answer.content.decode()
        for action, body in WEB_BODIES.items():
            allowed = (
                sees and rules.permits(user, case, action) and rules.state_allows(case, action)
            )
            before = _version(case)
            url = f"{base}{action}/"
            response = rolled_back(lambda u=url, b=body: client.post(u, b))
            assert _version(case) == before
            if allowed:
                assert response.status_code == 302, (role, case.state, action)
            else:
                assert response.status_code in (302, 403, 404), (role, case.state, action)
                if response.status_code == 302:
                    # Only a stale-state redirect: the case page says it is no longer possible.
                    assert sees and rules.permits(user, case, action), (role, case.state, action)
        reveal_url = f"{base}reveal/"
        reveal = rolled_back(
            lambda u=reveal_url: (
                client.post(u, {"reveal-reason": "call"}),
                AccessLog.objects.count(),
            )
        )
        may_reveal = sees and selectors.can_reveal(user, case)
        assert (reveal[0].status_code == 200) == may_reveal, (role, case.state)
        assert (reveal[1] > 0) == may_reveal  # the phone and the text as typed, each logged
    picture = client.get(f"/workbench/cases/{cases[1].number}/photos/{shot.pk}/")
    assert (picture.status_code == 200) == can_see(user, cases[1]), role
