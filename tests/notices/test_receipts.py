"""Delivery receipts and replies posted back by SMS gateways, each in its own format."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from django.test import Client
from pytest_django import Settings

from jiceng.notices import outbox
from jiceng.notices.models import Message, OptOut, OptOutSource, Status
from jiceng.people.models import User

from factories import submit
from sms_gateway import Gateway

pytestmark = pytest.mark.django_db
TOKEN = "receipt-secret"


@pytest.fixture(autouse=True)
def _receipt_token(settings: Settings) -> None:
    settings.JICENG_SMS_RECEIPT_TOKEN = TOKEN


def _sent(users: dict[str, User]) -> Message:
    """A resident's SMS, sent through the gateway the test chose."""
    submit(users)
    outbox.drain()
    message = Message.objects.get(template="case_received")
    assert message.status == Status.SENT and message.provider_id
    return message


def _post(client: Client, url: str, body: Any, **headers: str) -> Any:
    data = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
    return client.post(url, data, content_type="application/json", headers=headers)


def _reloaded(message: Message) -> Message:
    return Message.objects.get(pk=message.pk)


@pytest.mark.parametrize("sms_gateway", ["aliyun"], indirect=True)
def test_aliyuns_delivery_report_marks_the_message_delivered(
    users: dict[str, User], monday: object, sms_gateway: Gateway, client: Client
) -> None:
    message = _sent(users)
    report = {
        "phone_number": "13812345678",
        "send_time": "2026-03-02 09:00:01",
        "report_time": "2026-03-02 09:00:05",
        "success": True,
        "err_code": "DELIVERED",
        "err_msg": "用户接收成功",
        "sms_size": "1",
        "biz_id": message.provider_id,
        "out_id": message.client_id,
    }
    answer = _post(client, f"/notices/receipts/aliyun/?token={TOKEN}", [report])
    assert answer.json() == {"code": 0, "msg": "成功", "received": 1, "matched": 1}
    message = _reloaded(message)
    assert (message.status, message.delivered_at, message.error) == (Status.DELIVERED, monday, "")


@pytest.mark.parametrize("sms_gateway", ["aliyun"], indirect=True)
def test_aliyuns_failure_report_fails_the_message_with_the_carriers_words(
    users: dict[str, User], monday: object, sms_gateway: Gateway, client: Client
) -> None:
    message = _sent(users)
    report = {
        "success": False,
        "err_code": "MN:0001",
        "err_msg": "用户关机",
        "biz_id": message.provider_id,
    }
    _post(client, f"/notices/receipts/aliyun/?token={TOKEN}", [report])
    message = _reloaded(message)
    assert (message.status, message.error) == (Status.FAILED, "MN:0001 用户关机")


@pytest.mark.parametrize("sms_gateway", ["tencent"], indirect=True)
@pytest.mark.parametrize(
    ("status", "expected", "error"),
    [("SUCCESS", Status.DELIVERED, ""), ("FAIL", Status.FAILED, "MK:0012 号码停机")],
)
def test_tencents_status_callback_marks_the_message_by_its_serial_number(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    client: Client,
    status: str,
    expected: str,
    error: str,
) -> None:
    message = _sent(users)
    report = {
        "user_receive_time": "2026-03-02 09:00:05",
        "nationcode": "86",
        "mobile": "13812345678",
        "report_status": status,
        "errmsg": "DELIVRD" if status == "SUCCESS" else "MK:0012",
        "description": "用户短信送达成功" if status == "SUCCESS" else "号码停机",
        "sid": message.provider_id,
        "ext": {"ext": ""},
    }
    answer = _post(client, "/notices/receipts/tencent/", [report], X_Jiceng_Token=TOKEN)
    assert answer.json()["result"] == 0
    message = _reloaded(message)
    assert (message.status, message.error) == (expected, error)


def test_our_http_protocols_receipt_fails_the_message_with_the_gateways_reason(
    users: dict[str, User], monday: object, sms_gateway: Gateway, client: Client
) -> None:
    message = _sent(users)
    body = {"id": message.provider_id, "delivered": False, "reason": "subscriber absent"}
    answer = _post(client, f"/notices/receipts/http/?token={TOKEN}", body)
    assert answer.json() == {"ok": True, "received": 1, "matched": 1}
    assert (_reloaded(message).status, _reloaded(message).error) == (
        Status.FAILED,
        "subscriber absent",
    )


def test_a_receipt_for_a_message_we_never_sent_changes_nothing(
    users: dict[str, User], monday: object, sms_gateway: Gateway, client: Client
) -> None:
    message = _sent(users)
    body = {"id": "someone-elses-id", "delivered": True}
    answer = _post(client, f"/notices/receipts/http/?token={TOKEN}", body)
    assert answer.json()["matched"] == 0
    assert _reloaded(message).status == Status.SENT


@pytest.mark.parametrize(
    ("query", "headers"),
    [("", {}), ("?token=guess", {}), ("", {"X_Jiceng_Token": "guess"})],
)
def test_a_receipt_without_the_token_is_refused_and_changes_nothing(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    client: Client,
    query: str,
    headers: dict[str, str],
) -> None:
    message = _sent(users)
    body = {"id": message.provider_id, "delivered": True}
    answer = _post(client, f"/notices/receipts/http/{query}", body, **headers)
    assert answer.status_code == 403
    assert _reloaded(message).status == Status.SENT


def test_a_logged_in_outsider_cannot_post_receipts_or_replies_either(
    users: dict[str, User], monday: object, sms_gateway: Gateway, client: Client
) -> None:
    message = _sent(users)
    client.force_login(users["outsider"])
    receipt = _post(
        client, "/notices/receipts/http/", {"id": message.provider_id, "delivered": False}
    )
    reply = _post(client, "/notices/replies/http/", {"phone": "13812345678", "text": "TD"})
    assert (receipt.status_code, reply.status_code) == (403, 403)
    assert _reloaded(message).status == Status.SENT
    assert not OptOut.objects.exists()


def test_without_a_configured_token_the_addresses_do_not_exist(
    settings: Settings, client: Client
) -> None:
    settings.JICENG_SMS_RECEIPT_TOKEN = ""
    receipt = _post(client, "/notices/receipts/http/?token=", {"id": "1", "delivered": True})
    reply = _post(client, "/notices/replies/http/?token=", {"phone": "1", "text": "TD"})
    unknown = _post(client, f"/notices/receipts/unknown/?token={TOKEN}", [])
    assert (receipt.status_code, reply.status_code) == (404, 404)
    settings.JICENG_SMS_RECEIPT_TOKEN = TOKEN
    assert _post(client, f"/notices/receipts/unknown/?token={TOKEN}", []).status_code == 404
    assert unknown.status_code == 404


def test_a_receipt_address_takes_only_post(client: Client) -> None:
    answer = client.get(f"/notices/receipts/http/?token={TOKEN}")
    assert answer.status_code == 405
    assert answer.json() == {"error": "Only POST is accepted here."}


@pytest.mark.parametrize(
    ("gateway", "body", "field", "error"),
    [
        ("http", "not json", "body", "The body must be a JSON object or a list of JSON objects."),
        ("http", [1, 2], "body", "The body must be a JSON object or a list of JSON objects."),
        ("http", {"delivered": True}, "id", "Item 0: “id” must be text."),
        (
            "http",
            {"id": "1", "delivered": "yes"},
            "delivered",
            "Item 0: “delivered” must be true or false.",
        ),
        (
            "aliyun",
            [{"success": True, "biz_id": "1"}, {"success": True}],
            "biz_id",
            "Item 1: “biz_id” must be text.",
        ),
        (
            "tencent",
            [{"sid": "1", "report_status": "MAYBE"}],
            "report_status",
            "Item 0: “report_status” must be SUCCESS or FAIL.",
        ),
    ],
)
def test_a_bad_receipt_body_is_answered_400_naming_the_field_and_records_nothing(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    client: Client,
    gateway: str,
    body: Any,
    field: str,
    error: str,
) -> None:
    message = _sent(users)
    answer = _post(client, f"/notices/receipts/{gateway}/?token={TOKEN}", body)
    assert answer.status_code == 400
    assert answer.json() == {"error": error, "field": field}
    assert _reloaded(message).status == Status.SENT


def test_a_bad_receipt_body_is_answered_in_chinese_by_default(
    client: Client, chinese: None
) -> None:
    answer = _post(client, f"/notices/receipts/http/?token={TOKEN}", {"delivered": True})
    assert answer.json() == {"error": "第 0 项：“id”应为文本。", "field": "id"}


# --- replies -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["TD", "td", " T ", "退订", "n", "ＴＤ", "退订。"])
def test_a_resident_replying_td_is_texted_no_more(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    client: Client,
    text: str,
) -> None:
    first = _sent(users)
    reply = {
        "extend": "",
        "mobile": "13812345678",
        "nationcode": "86",
        "sign": "基层治理",
        "text": text,
        "time": 1772413200,
    }
    answer = _post(client, f"/notices/replies/tencent/?token={TOKEN}", reply)
    assert answer.json() == {"result": 0, "errmsg": "OK", "received": 1, "opted_out": 1}
    (opt_out,) = OptOut.objects.all()
    assert first.resident is not None
    assert (opt_out.phone_index, opt_out.source) == (first.resident.phone_index, OptOutSource.REPLY)
    submit(users)  # the same resident's next request
    report = outbox.drain()
    assert (report.cancelled, len(sms_gateway.deliveries)) == (1, 1)
    later = Message.objects.filter(template="case_received").exclude(pk=first.pk).get()
    assert (later.status, later.error) == (Status.CANCELLED, "opted out")


@pytest.mark.parametrize(
    ("gateway", "reply"),
    [
        (
            "aliyun",
            {
                "phone_number": "13812345678",
                "content": "TD",
                "sign_name": "基层治理",
                "send_time": "2026-03-02 09:01:00",
                "dest_code": "1234",
                "sequence_id": 1,
            },
        ),
        ("http", {"phone": "+8613812345678", "text": "退订"}),
    ],
)
def test_each_gateways_reply_format_opts_the_phone_out(
    users: dict[str, User], monday: object, client: Client, gateway: str, reply: dict[str, Any]
) -> None:
    case = submit(users)
    answer = _post(client, f"/notices/replies/{gateway}/?token={TOKEN}", [reply])
    assert answer.json()["opted_out"] == 1
    assert case.resident is not None
    assert OptOut.objects.get().phone_index == case.resident.phone_index


def test_a_reply_that_says_something_else_opts_nobody_out(client: Client) -> None:
    replies = [{"phone": "13812345678", "text": text} for text in ("谢谢", "TD please", "", "Y")]
    answer = _post(client, f"/notices/replies/http/?token={TOKEN}", replies)
    assert answer.json() == {"ok": True, "received": 4, "opted_out": 0}
    assert not OptOut.objects.exists()


def test_a_reply_without_a_phone_is_answered_400_naming_the_field(client: Client) -> None:
    answer = _post(client, f"/notices/replies/http/?token={TOKEN}", [{"text": "TD"}])
    assert (answer.status_code, answer.json()["field"]) == (400, "phone")
    assert not OptOut.objects.exists()


def test_receipts_and_replies_never_log_a_phone_number(
    users: dict[str, User],
    monday: object,
    sms_gateway: Gateway,
    client: Client,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    message = _sent(users)
    _post(
        client,
        f"/notices/receipts/http/?token={TOKEN}",
        {"id": message.provider_id, "delivered": True},
    )
    _post(
        client, f"/notices/replies/http/?token={TOKEN}", {"phone": "+8613812345678", "text": "TD"}
    )
    _post(client, f"/notices/replies/http/?token={TOKEN}", {"phone": "13812345678"})
    assert caplog.records
    assert not [r for r in caplog.records if "12345678" in r.getMessage()]
