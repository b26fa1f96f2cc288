"""Each gateway's delivery receipt, read into a ``Receipt``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from jiceng.notices.receipts.body import BadBody
from jiceng.notices.receipts.fields import flag, text, why
from jiceng.notices.receipts.reports import Receipt


def aliyun_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Aliyun SmsReport: {"biz_id", "success", "err_code", "err_msg", "out_id", ...}."""
    delivered = flag(item, index, "success")
    reason = why(
        text(item, index, "err_code", required=False),
        text(item, index, "err_msg", required=False),
    )
    return Receipt(text(item, index, "biz_id"), delivered, "" if delivered else reason)


def tencent_receipt(item: Mapping[str, Any], index: int) -> Receipt:
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


def http_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Our HTTP protocol: {"id", "delivered", "reason"}."""
    delivered = flag(item, index, "delivered")
    reason = "" if delivered else why(text(item, index, "reason", required=False))
    return Receipt(text(item, index, "id"), delivered, reason)
