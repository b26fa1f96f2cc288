"""The case page's "Messages": every message about the case, to whom, worded, and how it went."""

from __future__ import annotations

import re

import pytest

from jiceng.cases.models import Urgency
from jiceng.core import clock
from jiceng.notices import links, outbox
from jiceng.notices.models import Message, OptOut, StaffContact, Status

from factories import dispatched, local, resolved, submit

pytestmark = pytest.mark.django_db
EN = {"HTTP_ACCEPT_LANGUAGE": "en"}
LANDLINE = "0575-87654321"


def _page(client, users, who, case):
    client.force_login(users[who])
    response = client.get(f"/workbench/cases/{case.number}/", **EN)
    assert response.status_code == 200
    return response


def _section(html: str) -> str:
    start = html.index('aria-labelledby="h-notices"')
    return html[start : html.index("</section>", start)]


def _lines(response):
    return {(line.channel, line.status.split(" ")[0]) for line in response.context["notices"]}


def test_a_delivered_sms_shows_channel_masked_phone_words_and_status(client, users, monday):
    case = submit(users)
    outbox.drain()
    response = _page(client, users, "dispatcher", case)
    (line,) = response.context["notices"]
    assert (line.channel, line.recipient, line.attempts) == ("SMS", "138****5678", 1)
    assert line.text.startswith(f"Your request {case.number} was received and is due")
    assert line.status.startswith("delivered ")
    section = _section(response.content.decode())
    assert "to 138****5678" in section and "1 attempt" in section and "notice-delivered" in section


def test_no_clear_phone_and_no_residents_link_anywhere_on_the_page(client, users, monday):
    case = resolved(users)
    outbox.drain()
    purposes = {m.params["link"] for m in Message.objects.filter(case=case) if "link" in m.params}
    assert purposes == {links.FOLLOW, links.RATE}
    html = _page(client, users, "cadre", case).content.decode()
    section = _section(html)
    assert "13812345678" not in html and "/r/" not in html
    assert "Please tell us: (the resident&#x27;s own link)" in section
    assert "Follow it: (the resident&#x27;s own link)" in section


def test_an_sms_to_a_landline_shows_failed_with_its_reason(client, users, monday):
    case = submit(users, contact_phone=LANDLINE)
    outbox.drain()
    response = _page(client, users, "dispatcher", case)
    (line,) = response.context["notices"]
    assert line.status == "failed: not a mobile number" and line.recipient == "057******4321"
    assert "87654321" not in response.content.decode().replace("057******4321", "")


def test_a_unit_inbox_message_and_its_planned_warnings_are_listed(client, users, org, monday):
    case = dispatched(users)
    response = _page(client, users, "cadre", case)
    lines = response.context["notices"]
    inbox = [line for line in lines if line.channel == "Workbench inbox"]
    assert {line.recipient for line in inbox} == {org["tianzhu"].name}
    assert inbox[0].text.startswith(f"New case {case.number}:") and inbox[0].status.startswith(
        "delivered "
    )
    waiting = [line for line in inbox if line.status.startswith("waiting, next try ")]
    assert len(waiting) == 2  # at 50 % and 90 % of the time to accept


def test_a_message_held_for_quiet_hours_says_until_when_and_why(client, users):
    with clock.frozen_at(local(2026, 3, 2, 23, 30)):
        case = submit(users)
        outbox.drain()
    with clock.frozen_at(local(2026, 3, 2, 23, 40)):
        (line,) = _page(client, users, "dispatcher", case).context["notices"]
    assert line.status.startswith("waiting, next try 03/03/2026")
    assert line.status.endswith("last: quiet hours (no SMS 22:00–08:00)")


def test_a_retried_message_shows_the_gateways_reason_and_its_attempts(
    client, users, monday, settings
):
    settings.JICENG_NOTICE_BACKENDS = {"sms": "notice_backends.AlwaysDown", "email": ""}
    case = submit(users)
    outbox.drain()
    (line,) = _page(client, users, "dispatcher", case).context["notices"]
    assert line.attempts == 1
    assert line.status.startswith("waiting, next try ")
    assert line.status.endswith("last: connection refused")


def test_a_message_not_sent_says_why(client, users, monday):
    case = submit(users)
    assert case.resident is not None
    OptOut.objects.create(phone_index=case.resident.phone_index, at=monday, source="link")
    outbox.drain()
    (line,) = _page(client, users, "dispatcher", case).context["notices"]
    assert line.status == "not sent: the resident asked for no more SMS"
    assert Message.objects.get(case=case).status == Status.CANCELLED


def test_a_message_to_a_member_of_staff_names_them(client, users, monday):
    cadre = users["cadre"]
    cadre.first_name, cadre.last_name, cadre.email = "小红", "李", "li@example.com"
    cadre.save()
    StaffContact.objects.create(user=cadre, by_email=True)
    case = dispatched(users, urgency=Urgency.EMERGENCY)
    lines = _page(client, users, "cadre", case).context["notices"]
    (email,) = [line for line in lines if line.channel == "Email"]
    assert email.recipient == "小红 李"
    assert email.text.startswith(f"Emergency case {case.number} for your unit:")


def test_the_case_title_in_a_message_is_masked_as_on_the_page(client, users, monday):
    case = dispatched(users, title="张三家门口 13912345678 的井盖丢了")
    html = _page(client, users, "cadre", case).content.decode()
    assert "13912345678" not in html
    assert re.search(r"New case \d+: 张三家门口 139\*+5678 的", _section(html))


@pytest.mark.parametrize(
    "title", ["路口井盖丢了请联系王先生13912345678", "井盖丢了，路口东边第三家，电话13912345678"]
)
def test_a_phone_number_cut_short_with_the_title_is_masked_too(client, users, monday, title):
    case = dispatched(users, title=title)
    notice = Message.objects.get(case=case, template="case_new")
    # Masked, then shortened for an SMS parameter: no digits of the number are kept.
    assert re.search(r"139\*+…$", notice.params["title"])
    html = _page(client, users, "cadre", case).content.decode()
    assert "1391234" not in html and not re.search(r"\d{4}…", _section(html))


def test_statuses_are_worded_in_chinese_for_a_chinese_reader(client, users, monday, chinese):
    case = submit(users, contact_phone=LANDLINE)
    outbox.drain()
    client.force_login(users["dispatcher"])
    html = client.get(f"/workbench/cases/{case.number}/").content.decode()
    section = _section(html)
    assert "通知记录" in section and "失败：不是手机号码" in section


def test_whoever_may_see_the_case_sees_its_messages_and_an_outsider_sees_nothing(
    client, users, monday
):
    case = submit(users, contact_phone=LANDLINE)
    outbox.drain()
    township = _page(client, users, "township", case)
    assert _lines(township) == {("SMS", "failed:")}
    client.force_login(users["outsider"])
    outsider = client.get(f"/workbench/cases/{case.number}/", **EN)
    assert outsider.status_code == 404 and "not a mobile number" not in outsider.content.decode()


def test_a_case_whose_messages_were_pruned_says_it_has_none(client, users, monday):
    case = submit(users)
    Message.objects.filter(case=case).delete()  # as the worker prunes them after retention
    html = _page(client, users, "dispatcher", case).content.decode()
    assert "No messages about this case." in _section(html)
