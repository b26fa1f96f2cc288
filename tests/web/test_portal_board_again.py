"""The public board tells a reopened request from an escalated one."""

import pytest

from jiceng.cases import services
from jiceng.cases.models import Satisfaction

from factories import accepted, dispatched, resolved

pytestmark = pytest.mark.django_db


def _board(client) -> str:
    return client.get("/board/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_reopened_and_escalated_requests_show_different_words(client, users, monday):
    plain = dispatched(users)
    escalated = accepted(users)
    services.case_escalate(case=escalated, by=users["cadre"], reason="需要镇里协调")
    reopened = resolved(users)
    services.case_rate(
        case=reopened, solved=False, satisfaction=Satisfaction.UNSATISFIED, comment="", by=None
    )
    page = _board(client)
    assert page.count("Escalated to a higher level") == 1
    assert page.count("Reopened: being handled again") == 1
    assert page.count("Sent to the unit") == 1, plain.number


def test_chinese_board_names_both(client, users, monday, chinese):
    escalated = accepted(users)
    services.case_escalate(case=escalated, by=users["cadre"], reason="需要镇里协调")
    page = client.get("/board/").content.decode()
    assert "已上报上级办理" in page
