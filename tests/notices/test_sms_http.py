"""The generic HTTP adapter for provincial gateways, against the fake one on loopback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from pytest_django import Settings

from jiceng.notices import channels, links, outbox
from jiceng.notices.channels import sms
from jiceng.notices.models import Message, Status
from jiceng.people.models import User

from factories import submit
from sms_gateway import Gateway

pytestmark = pytest.mark.django_db


def _received() -> Message:
    return Message.objects.get(template="case_received")


def test_a_received_request_is_posted_with_its_key_token_and_worded_parameters(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    case = submit(users)
    assert outbox.drain().sent == 1
    message = _received()
    (delivery,) = sms_gateway.deliveries  # the gateway checked the token and the key
    assert (message.status, message.provider_id) == (Status.SENT, delivery.provider_id)
    assert (delivery.client_id, delivery.phone) == (message.client_id, "+8613812345678")
    assert (delivery.sign, delivery.template) == ("基层治理", "case_received")
    assert isinstance(delivery.params, dict)
    link = delivery.params.pop("link")
    assert delivery.params == {"number": case.number, "deadline": "03/11/2026 11:59 p.m."}
    opened = links.open_token(link.rsplit("/r/", 1)[1].rstrip("/"))  # signed when sent
    assert (opened.case_id, opened.purpose) == (case.pk, links.FOLLOW)


def test_a_message_handed_over_again_after_a_lost_mark_reaches_the_phone_once(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    submit(users)
    outbox.drain()
    first = _received().provider_id
    # The worker died after the gateway took the message, before marking it sent.
    Message.objects.update(status=Status.PENDING, provider_id="", sent_at=None)
    assert outbox.drain().sent == 1
    assert _received().provider_id == first  # 409: taken before, under this id
    assert list(sms_gateway.copies().values()) == [1]


def test_a_throttling_gateway_makes_the_message_wait(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    sms_gateway.trouble = "throttle"
    submit(users)
    outbox.drain()
    assert (_received().status, _received().error) == (Status.PENDING, "gateway said 429")


def test_a_wrong_token_makes_messages_wait_for_the_operator_rather_than_fail(
    users: dict[str, User], monday: object, sms_gateway: Gateway, settings: Settings
) -> None:
    settings.JICENG_SMS_HTTP_TOKEN = "not-the-token"
    submit(users)
    outbox.drain()
    assert (_received().status, _received().error) == (Status.PENDING, "gateway said 401")


def test_a_number_the_gateway_refuses_fails_with_the_gateways_reason(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    sms_gateway.bad_numbers.add("13812345678")
    submit(users)
    outbox.drain()
    assert (_received().status, _received().error) == (Status.FAILED, "invalid phone number")


def test_a_gateways_reason_never_keeps_a_phone_number() -> None:
    assert sms.scrub("no such subscriber +86 138 1234 5678 (code 7)") == (
        "no such subscriber … (code 7)"
    )


def test_the_http_adapter_without_a_url_stops_with_the_variables_name(
    sms_gateway: Gateway, settings: Settings
) -> None:
    settings.JICENG_SMS_HTTP_URL = ""
    with pytest.raises(ImproperlyConfigured, match="needs JICENG_SMS_HTTP_URL"):
        channels.backend("sms")
    settings.JICENG_SMS_HTTP_URL = "ftp://sms.example.gov.cn/"
    with pytest.raises(ImproperlyConfigured, match="JICENG_SMS_HTTP_URL must be an http"):
        channels.backend("sms")


@pytest.mark.parametrize(
    ("content", "complaint"),
    [
        (None, "cannot be read"),
        ("{not json", "is not JSON"),
        ('["SMS_1"]', "one JSON object"),
        (json.dumps({"case_recieved": "SMS_1"}), "unknown template codes: case_recieved"),
    ],
)
def test_a_bad_templates_file_stops_the_sms_channel_naming_the_variable(
    sms_gateway: Gateway,
    settings: Settings,
    tmp_path: Path,
    content: str | None,
    complaint: str,
) -> None:
    path = tmp_path / "templates.json"
    if content is not None:
        path.write_text(content)
    settings.JICENG_SMS_TEMPLATES = str(path)
    with pytest.raises(ImproperlyConfigured, match="JICENG_SMS_TEMPLATES") as raised:
        channels.backend("sms")
    assert complaint in str(raised.value)
