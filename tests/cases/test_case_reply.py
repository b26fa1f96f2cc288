"""A progress reply to the resident (阶段性答复): who may send one, from which states, what the
resident sees and is sent, and that the case itself does not move."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.test import Client

from jiceng.cases import services
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition, InvalidInput, NotAllowed
from jiceng.notices import links, outbox
from jiceng.notices.models import Channel, Message, Status
from jiceng.people.models import User

from factories import accepted, dispatched, resolved, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
REPLY = "材料已报镇里审批，预计下周三施工，请耐心等待。"
# The fields a reply must leave alone: state, owner and every clock.
UNTOUCHED = (
    "state",
    "owner_id",
    "owner_since",
    "respond_by",
    "resolve_by",
    "resolved_at",
    "closed_at",
    "reminded_at",
    "reopen_count",
    "answer",
)


def _fields(case: Case) -> dict[str, Any]:
    fresh = Case.objects.get(pk=case.pk)
    return {name: getattr(fresh, name) for name in UNTOUCHED}


def _events(case: Case) -> int:
    return CaseEvent.objects.filter(case=case).count()


# --- the service -------------------------------------------------------------------------------


def test_the_owning_village_replies_and_the_case_stays_accepted_with_its_deadlines(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    before = _fields(case)
    with clock.frozen_at(monday + timedelta(hours=3)):
        event = services.case_reply(case=case, by=users["cadre"], reply=f"  {REPLY}\n")
    assert (event.kind, event.note) == (EventKind.REPLY, REPLY)
    assert (event.from_state, event.to_state) == (State.ACCEPTED, State.ACCEPTED)
    assert event.unit_id == users["cadre"].unit_id and event.actor == users["cadre"]
    assert event.respond_by is None  # no clock starts
    assert _fields(case) == before


def test_a_grid_worker_of_the_owning_village_may_reply_too(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    assert services.case_reply(case=case, by=users["grid_worker"], reply=REPLY).note == REPLY


@pytest.mark.parametrize("stage", [submit, dispatched, resolved])
def test_a_reply_needs_the_case_accepted_first(
    users: dict[str, User], monday: datetime, stage: Any
) -> None:
    case = stage(users)
    before = _events(case)
    with pytest.raises(IllegalTransition, match="Cannot reply to the resident on a case that is"):
        services.case_reply(case=case, by=users["cadre"], reply=REPLY)
    assert _events(case) == before


def test_a_closed_or_merged_case_takes_no_reply(users: dict[str, User], monday: datetime) -> None:
    closed = resolved(users)
    services.case_rate(case=closed, solved=True, satisfaction="satisfied")
    duplicate, original = dispatched(users), dispatched(users)
    services.case_merge(case=duplicate, into=original, by=users["cadre"])
    for case in (closed, duplicate):
        with pytest.raises(IllegalTransition):
            services.case_reply(case=case, by=users["cadre"], reply=REPLY)


def test_the_supervising_township_and_other_villages_cannot_reply(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    with pytest.raises(NotAllowed, match="Only the unit that owns case"):
        services.case_reply(case=case, by=users["township"], reply=REPLY)
    for who in ("neighbour_cadre", "outsider", "dispatcher", "leader", "resident"):
        with pytest.raises(NotAllowed):
            services.case_reply(case=case, by=users[who], reply=REPLY)
    assert not CaseEvent.objects.filter(case=case, kind=EventKind.REPLY).exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("   ", "reply is required."),
        ("好" * 1001, "reply must be at most 1000 characters."),
        ("进度\x00", "reply contains control characters"),
    ],
)
def test_a_reply_needs_text_of_at_most_1000_characters(
    users: dict[str, User], monday: datetime, text: str, message: str
) -> None:
    case = accepted(users)
    before = _events(case)
    with pytest.raises(InvalidInput, match=message) as error:
        services.case_reply(case=case, by=users["cadre"], reply=text)
    assert error.value.field == "reply"
    assert _events(case) == before


def test_a_reply_of_exactly_1000_characters_is_kept_whole(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    assert len(services.case_reply(case=case, by=users["cadre"], reply="好" * 1000).note) == 1000


# --- what the resident is sent and sees ----------------------------------------------------------


def test_the_outbox_holds_one_case_progress_sms_for_the_resident_with_a_follow_link(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    event = services.case_reply(case=case, by=users["cadre"], reply=REPLY)
    (message,) = Message.objects.filter(template="case_progress")
    assert (message.channel, message.status) == (Channel.SMS, Status.PENDING)
    assert (message.resident_id, message.case_id) == (case.resident_id, case.pk)
    assert message.params["number"] == case.number
    assert message.params["unit"] == "天竺社区居委会"
    assert message.key == f"case_progress:{case.pk}:{event.seq}"
    token = urlsplit(outbox.wording(message)["link"]).path.split("/")[2]
    opened = links.open_token(token)
    assert (opened.case_id, opened.purpose) == (case.pk, links.FOLLOW)
    assert REPLY not in json.dumps(message.params, ensure_ascii=False)  # the text stays online


def test_the_progress_link_opens_the_case_with_the_reply_in_a_fresh_browser(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    services.case_reply(case=case, by=users["cadre"], reply=REPLY)
    link = outbox.wording(Message.objects.get(template="case_progress"))["link"]
    page = Client().get(urlsplit(link).path, follow=True, **EN).content.decode()
    assert f"Request {case.number}" in page
    assert "News from 天竺社区居委会:" in page and REPLY in page
    assert page.index("News from") < page.index("took it on.")  # newest first


def test_the_resident_sees_the_reply_without_personal_numbers_or_their_name(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    services.case_reply(
        case=case, by=users["cadre"], reply="王小明您好，施工队电话13912345678，下周来修。"
    )
    client = Client()
    client.post("/follow/", {"number": case.number, "last4": "5678"})
    page = client.get(f"/follow/?number={case.number}", **EN).content.decode()
    assert "下周来修" in page and "施工队电话" in page
    assert "13912345678" not in page and "王小明" not in page


def test_the_public_api_timeline_shows_the_reply_scrubbed(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    services.case_reply(
        case=case, by=users["cadre"], reply="已联系电力公司 0575-87012345，在排期。"
    )
    answer = client.get(f"/api/v1/public/cases/{case.number}?phone_last4=5678").json()
    (step,) = [step for step in answer["timeline"] if step["kind"] == "reply"]
    assert step["unit"] == "天竺社区居委会"
    assert "已联系电力公司" in step["answer"] and "87012345" not in step["answer"]
    assert answer["state"] == "accepted" and answer["answer"] == ""


def test_internal_notes_still_never_reach_the_resident(
    users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    services.case_note(case=case, by=users["cadre"], note="内部：此事需要书记签字")
    services.case_reply(case=case, by=users["cadre"], reply=REPLY)
    client = Client()
    client.post("/follow/", {"number": case.number, "last4": "5678"})
    page = client.get(f"/follow/?number={case.number}", **EN).content.decode()
    assert REPLY in page and "书记签字" not in page


# --- the workbench -------------------------------------------------------------------------------


def _act(client: Client, case: Case, data: dict[str, str], **headers: Any) -> Any:
    return client.post(f"/workbench/cases/{case.number}/reply/", data, **headers)


def test_the_case_page_offers_the_reply_form_to_the_owner_and_sends_it(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    client.force_login(users["cadre"])
    page = client.get(f"/workbench/cases/{case.number}/", **EN).content.decode()
    assert f'action="/workbench/cases/{case.number}/reply/"' in page
    assert 'name="reply-reply"' in page and "Reply to the resident on progress" in page
    response = _act(client, case, {"reply-reply": REPLY}, follow=True, **EN)
    body = response.content.decode()
    assert "Reply sent." in body and REPLY in body and "Replied to the resident" in body
    assert CaseEvent.objects.get(case=case, kind=EventKind.REPLY).note == REPLY
    assert Case.objects.get(pk=case.pk).state == State.ACCEPTED


def test_an_empty_reply_on_the_case_page_is_explained_beside_the_field(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    client.force_login(users["cadre"])
    response = _act(client, case, {"reply-reply": "  "}, **EN)
    body = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_reply-reply-error"' in body
    assert "Write what the resident should know about the progress." in body
    assert not CaseEvent.objects.filter(case=case, kind=EventKind.REPLY).exists()


def test_the_reply_form_is_not_offered_before_acceptance_nor_to_the_township(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    waiting, working = dispatched(users), accepted(users)
    client.force_login(users["cadre"])
    assert "/reply/" not in client.get(f"/workbench/cases/{waiting.number}/").content.decode()
    client.force_login(users["township"])
    assert "/reply/" not in client.get(f"/workbench/cases/{working.number}/").content.decode()


def test_outsiders_get_404_and_the_supervising_township_403_on_the_workbench(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    client.force_login(users["outsider_cadre"])
    assert _act(client, case, {"reply-reply": REPLY}).status_code == 404
    client.force_login(users["township"])
    assert _act(client, case, {"reply-reply": REPLY}).status_code == 403
    assert not CaseEvent.objects.filter(case=case, kind=EventKind.REPLY).exists()
    assert not Message.objects.filter(template="case_progress").exists()


# --- the API -------------------------------------------------------------------------------------


def _api(client: Client, number: str, body: dict[str, Any]) -> Any:
    return client.post(
        f"/api/v1/cases/{number}/reply", json.dumps(body), content_type="application/json"
    )


def test_the_api_replies_and_answers_with_the_case_unchanged(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    before = _fields(case)
    client.force_login(users["cadre"])
    response = _api(client, case.number or "", {"reply": REPLY})
    assert response.status_code == 200
    assert response.json()["state"] == "accepted" and response.json()["answer"] == ""
    assert _fields(case) == before
    assert CaseEvent.objects.get(case=case, kind=EventKind.REPLY).note == REPLY


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"reply": "  "}, 422, "reply"),
        ({"reply": "好" * 1001}, 422, "reply"),
        ({}, 422, "reply"),
    ],
)
def test_the_api_names_the_reply_field_when_the_text_is_missing_or_too_long(
    client: Client, users: dict[str, User], monday: datetime, body: Any, status: int, field: str
) -> None:
    case = accepted(users)
    client.force_login(users["cadre"])
    response = _api(client, case.number or "", body)
    assert (response.status_code, response.json()["field"]) == (status, field)


def test_the_api_refuses_a_reply_before_acceptance_with_409(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = dispatched(users)
    client.force_login(users["cadre"])
    response = _api(client, case.number or "", {"reply": REPLY})
    assert response.status_code == 409
    assert response.json()["code"] == "illegal_transition"


def test_the_api_answers_403_to_other_units_and_404_to_unknown_numbers(
    client: Client, users: dict[str, User], monday: datetime
) -> None:
    case = accepted(users)
    for who in ("township", "outsider"):
        client.force_login(users[who])
        assert _api(client, case.number or "", {"reply": REPLY}).status_code == 403
    assert _api(client, "999999999999", {"reply": REPLY}).status_code == 404
    assert not CaseEvent.objects.filter(case=case, kind=EventKind.REPLY).exists()
