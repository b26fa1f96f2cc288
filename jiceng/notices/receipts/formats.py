"""Each gateway's formats of delivery receipts and replies, and the answer it waits for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from jiceng.notices.receipts.body import BadBody, Receipt, Reply, flag, text, why


def _aliyun_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Aliyun SmsReport: {"biz_id", "success", "err_code", "err_msg", "out_id", ...}."""
    delivered = flag(item, index, "success")
    reason = why(
        text(item, index, "err_code", required=False),
        text(item, index, "err_msg", required=False),
    )
    return Receipt(text(item, index, "biz_id"), delivered, "" if delivered else reason)


def _tencent_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Tencent status callback: {"sid", "report_status": SUCCESS|FAIL, "errmsg", ...}."""
    status = text(item, index, "report_status").upper()
    if status not in ("SUCCESS", "FAIL"):
        raise BadBody(
            _("Item %(index)s: “%(field)s” must be SUCCESS or FAIL.")
            % {"index": index, "field": "report_status"},
            "report_status",
        )
    delivered = status == "SUCCESS"
    reason = why(
        text(item, index, "errmsg", required=False),
        text(item, index, "description", required=False),
    )
    return Receipt(text(item, index, "sid"), delivered, "" if delivered else reason)


def _http_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Our HTTP protocol: {"id", "delivered", "reason"}."""
    delivered = flag(item, index, "delivered")
    reason = "" if delivered else why(text(item, index, "reason", required=False))
    return Receipt(text(item, index, "id"), delivered, reason)


def _aliyun_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Aliyun SmsUp: {"phone_number", "content", "sign_name", "send_time", ...}."""
    return Reply(text(item, index, "phone_number"), text(item, index, "content", required=False))


def _tencent_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Tencent reply callback: {"mobile", "nationcode", "text", "sign", "time", ...}."""
    mobile = text(item, index, "mobile")
    nation = text(item, index, "nationcode", required=False) or "86"
    phone = mobile if nation == "86" else f"+{nation}{mobile}"
    return Reply(phone, text(item, index, "text", required=False))


def _http_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Our HTTP protocol: {"phone", "text"}."""
    return Reply(text(item, index, "phone"), text(item, index, "text", required=False))


@dataclass(frozen=True)
class Format:
    receipt: Callable[[Mapping[str, Any], int], Receipt]
    reply: Callable[[Mapping[str, Any], int], Reply]
    ok: Mapping[str, object]  # the answer the gateway waits for, or it posts again


FORMATS = {
    "aliyun": Format(_aliyun_receipt, _aliyun_reply, {"code": 0, "msg": "成功"}),
    "tencent": Format(_tencent_receipt, _tencent_reply, {"result": 0, "errmsg": "OK"}),
    "http": Format(_http_receipt, _http_reply, {"ok": True}),
}
