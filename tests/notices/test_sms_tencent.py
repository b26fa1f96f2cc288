"""Tencent Cloud SMS: a case's message goes through the official SDK to a fake API 3.0."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from pytest_django import Settings

from jiceng.notices import channels, outbox
from jiceng.notices.models import Message, Status
from jiceng.people.models import User

from factories import resolved, submit
from sms_gateway import Gateway

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.parametrize("sms_gateway", ["tencent"], indirect=True),
]


def test_a_received_request_is_texted_through_tencent_with_its_parameters_in_order(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    case = submit(users)
    assert outbox.drain().sent == 1
    message = Message.objects.get(template="case_received")
    (delivery,) = sms_gateway.deliveries
    assert (message.status, message.provider_id) == (Status.SENT, delivery.provider_id)
    assert delivery.phone == "+8613812345678"
    assert (delivery.account, delivery.sign) == ("1400006666", "基层治理")
    assert delivery.client_id == message.client_id  # SessionContext
    number, deadline, link = delivery.params  # the template's order: number, deadline, link
    assert (number, deadline) == (case.number, "03/11/2026 11:59 p.m.")
    assert "/r/" in link


def test_a_resolved_case_sends_unit_before_link_as_its_template_declares(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    case = resolved(users)
    outbox.drain()
    (delivery,) = [d for d in sms_gateway.deliveries if d.template == "case_resolved"]
    assert delivery.params[0] == case.number
    assert delivery.params[1] == users["cadre"].unit.name  # type: ignore[union-attr]
    assert "/r/" in delivery.params[2]


def test_tencents_hourly_limit_for_a_number_is_tried_again_later(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    sms_gateway.trouble = "throttle"
    submit(users)
    assert outbox.drain().retried == 1
    message = Message.objects.get(template="case_received")
    assert (message.status, message.error) == (
        Status.PENDING,
        "LimitExceeded.PhoneNumberOneHourLimit",
    )


def test_a_number_tencent_finds_incorrect_fails_with_tencents_code(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    sms_gateway.bad_numbers.add("13812345678")
    submit(users)
    outbox.drain()
    message = Message.objects.get(template="case_received")
    assert (message.status, message.error) == (
        Status.FAILED,
        "InvalidParameterValue.IncorrectPhoneNumber",
    )


def test_tencent_without_an_sdk_app_id_stops_with_the_variables_name(
    sms_gateway: Gateway, settings: Settings
) -> None:
    settings.JICENG_SMS_APP_ID = ""
    with pytest.raises(ImproperlyConfigured, match="JICENG_SMS_APP_ID"):
        channels.backend("sms")
