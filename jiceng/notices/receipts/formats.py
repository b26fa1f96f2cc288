"""Each gateway's formats of delivery receipts and replies, and the answer it waits for."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from jiceng.notices.receipts.receipt_formats import aliyun_receipt, http_receipt, tencent_receipt
from jiceng.notices.receipts.reply_formats import aliyun_reply, http_reply, tencent_reply
from jiceng.notices.receipts.reports import Receipt, Reply


@dataclass(frozen=True)
class Format:
    receipt: Callable[[Mapping[str, Any], int], Receipt]
    reply: Callable[[Mapping[str, Any], int], Reply]
    ok: Mapping[str, object]  # the answer the gateway waits for, or it posts again


FORMATS = {
    "aliyun": Format(aliyun_receipt, aliyun_reply, {"code": 0, "msg": "成功"}),
    "tencent": Format(tencent_receipt, tencent_reply, {"result": 0, "errmsg": "OK"}),
    "http": Format(http_receipt, http_reply, {"ok": True}),
}
