"""An outage of the SMS gateway loses nothing, whichever adapter: the message waits and goes.

Each adapter meets the three outages of issue 14 at the fake gateway on loopback: nobody
listening, a 5xx answer, and an answer slower than JICENG_SMS_TIMEOUT.
"""

from __future__ import annotations

import logging

import pytest

from jiceng.core import clock
from jiceng.notices import channels, outbox
from jiceng.notices.models import Message, Status
from jiceng.people.models import User

from factories import submit
from sms_gateway import Gateway

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.parametrize("sms_gateway", ["aliyun", "tencent", "http"], indirect=True),
]


def _received() -> Message:
    return Message.objects.get(template="case_received")


def _drain_when_due(message: Message) -> outbox.DrainReport:
    with clock.frozen_at(message.not_before):
        return outbox.drain()


def _assert_waiting(message: Message, reason: str, since: object) -> None:
    assert (message.status, message.error, message.attempts) == (Status.PENDING, reason, 1)
    assert message.not_before > since  # type: ignore[operator]
    assert (message.lease, message.lease_until) == ("", None)


def test_a_gateway_refusing_connections_delays_the_sms_until_it_listens_again(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    submit(users)
    sms_gateway.refuse()
    assert outbox.drain().retried == 1
    _assert_waiting(_received(), "connection refused", monday)
    sms_gateway.resume()
    assert _drain_when_due(_received()).sent == 1
    assert _received().status == Status.SENT
    assert list(sms_gateway.copies().values()) == [1]


def test_a_gateway_answering_5xx_delays_the_sms_until_it_recovers(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    submit(users)
    sms_gateway.trouble = "5xx"
    assert outbox.drain().retried == 1
    message = _received()
    _assert_waiting(message, message.error, monday)
    assert message.error.startswith("gateway error")
    sms_gateway.trouble = None
    assert _drain_when_due(message).sent == 1
    assert _received().status == Status.SENT
    assert list(sms_gateway.copies().values()) == [1]


def test_a_gateway_answering_too_late_delays_the_sms_and_only_a_keyed_gateway_drops_the_copy(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    submit(users)
    sms_gateway.trouble, sms_gateway.slow_seconds = "slow", 1.5
    assert outbox.drain().retried == 1
    _assert_waiting(_received(), "timed out", monday)
    sms_gateway.trouble = None
    sms_gateway.wait_idle()  # the slow gateway sent it all the same, after we gave up
    assert _drain_when_due(_received()).sent == 1
    message = _received()
    assert message.status == Status.SENT
    # Our HTTP protocol's gateway knew the key and answered 409 with the first id;
    # Aliyun and Tencent take no key and send a second copy (docs/sms-gateways.md).
    (first, *_copies) = sms_gateway.deliveries
    if channels.backend("sms").idempotent:
        assert sms_gateway.copies() == {message.client_id: 1}
        assert message.provider_id == first.provider_id
    else:
        assert sms_gateway.copies() == {message.client_id: 2}


def test_no_log_line_shows_the_phone_number_even_at_debug_level(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    submit(users)
    sms_gateway.refuse()
    outbox.drain()
    sms_gateway.resume()
    _drain_when_due(_received())
    assert _received().status == Status.SENT
    assert not [r for r in caplog.records if "12345678" in r.getMessage()]
