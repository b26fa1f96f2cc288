"""Each gateway's reply from a resident, read into a ``Reply``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jiceng.notices.receipts.fields import text
from jiceng.notices.receipts.reports import Reply


def aliyun_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Aliyun SmsUp: {"phone_number", "content", "sign_name", "send_time", ...}."""
    return Reply(text(item, index, "phone_number"), text(item, index, "content", required=False))


def tencent_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Tencent reply callback: {"mobile", "nationcode", "text", "sign", "time", ...}."""
    mobile = text(item, index, "mobile")
    nation = text(item, index, "nationcode", required=False) or "86"
    phone = mobile if nation == "86" else f"+{nation}{mobile}"
    return Reply(phone, text(item, index, "text", required=False))


def http_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Our HTTP protocol: {"phone", "text"}."""
    return Reply(text(item, index, "phone"), text(item, index, "text", required=False))
