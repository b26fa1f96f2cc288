"""Aliyun SMS: a case's message goes through the official SDK to a fake dysmsapi."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from pytest_django import Settings

from jiceng.notices import channels, outbox
from jiceng.notices.models import Message, Status
from jiceng.people.models import User

from factories import submit
from sms_gateway import Gateway

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.parametrize("sms_gateway", ["aliyun"], indirect=True),
]


def test_a_received_request_is_texted_through_aliyun_with_its_template_and_out_id(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    case = submit(users)
    report = outbox.drain()
    message = Message.objects.get(template="case_received")
    (delivery,) = sms_gateway.deliveries
    assert report.sent == 1
    assert (message.status, message.provider_id) == (Status.SENT, delivery.provider_id)
    assert delivery.phone == "13812345678"
    assert (delivery.sign, delivery.template) == ("基层治理", "case_received")
    assert delivery.client_id == message.client_id
    assert isinstance(delivery.params, dict)
    assert delivery.params["number"] == case.number
    assert delivery.params["deadline"] == "03/11/2026 11:59 p.m."  # worded, not ISO
    assert "/r/" in delivery.params["link"]


def test_the_templates_file_maps_our_codes_to_aliyuns_template_ids(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    settings: Settings,
    tmp_path: Path,
) -> None:
    mapping = tmp_path / "templates.json"
    mapping.write_text(json.dumps({"case_received": "SMS_465830012"}))
    settings.JICENG_SMS_TEMPLATES = str(mapping)
    submit(users)
    outbox.drain()
    assert [d.template for d in sms_gateway.deliveries] == ["SMS_465830012"]


def test_aliyuns_flow_control_is_tried_again_later(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    sms_gateway.trouble = "throttle"
    submit(users)
    report = outbox.drain()
    message = Message.objects.get(template="case_received")
    assert report.retried == 1
    assert (message.status, message.error) == (Status.PENDING, "isv.BUSINESS_LIMIT_CONTROL")
    assert message.not_before > monday  # type: ignore[operator]


def test_a_number_aliyun_calls_illegal_fails_with_aliyuns_code(
    users: dict[str, User], monday: object, sms_gateway: Gateway
) -> None:
    sms_gateway.bad_numbers.add("13812345678")
    submit(users)
    outbox.drain()
    message = Message.objects.get(template="case_received")
    assert (message.status, message.error) == (Status.FAILED, "isv.MOBILE_NUMBER_ILLEGAL")
    assert not sms_gateway.deliveries


def test_aliyun_without_an_access_key_stops_with_the_variables_name(
    sms_gateway: Gateway, settings: Settings
) -> None:
    settings.JICENG_SMS_ACCESS_KEY_ID = ""
    with pytest.raises(ImproperlyConfigured, match="JICENG_SMS_ACCESS_KEY_ID"):
        channels.backend("sms")
