"""Delivery receipts and replies that SMS gateways post back (docs/sms-gateways.md).

``/notices/receipts/<gateway>/`` takes a gateway's delivery reports and marks the messages
delivered or failed (``outbox.record_receipt``); ``/notices/replies/<gateway>/`` takes the
texts residents send back, and a reply of TD, T, N or 退订 stops texts to that phone.

These are server-to-server calls: no session and no CSRF token, but the shared secret
JICENG_SMS_RECEIPT_TOKEN, in ``?token=`` (the only place Aliyun and Tencent let us put
it) or the ``X-Jiceng-Token`` header. Without the setting both addresses do not exist.
Each gateway's format is parsed strictly; a bad body is answered 400 with the field named.
Phone numbers come in these bodies and go nowhere but the blind index of an opt-out.
"""

from __future__ import annotations

import hmac
import json
import logging
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from jiceng.notices import optout, outbox
from jiceng.notices.channels import sms

log = logging.getLogger(__name__)

# What a resident texts back to stop texts: 退订 and the carriers' usual short forms.
STOP_WORDS = frozenset({"TD", "T", "N", "退订"})


class BadBody(Exception):
    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.message, self.field = message, field


@dataclass(frozen=True)
class Receipt:
    provider_id: str
    delivered: bool
    reason: str


@dataclass(frozen=True)
class Reply:
    phone: str
    text: str


# --- reading a body ----------------------------------------------------------------------


def _items(request: HttpRequest) -> list[Mapping[str, Any]]:
    """The body's reports: a JSON list of objects, or one object."""
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        data = None
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise BadBody(_("The body must be a JSON object or a list of JSON objects."), "body")
    return data


def _text(item: Mapping[str, Any], index: int, name: str, *, required: bool = True) -> str:
    value = item.get(name)
    if value is None and not required:
        return ""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a numeric id
    if not isinstance(value, str) or (required and not value.strip()):
        raise BadBody(
            _("Item %(index)s: “%(field)s” must be text.") % {"index": index, "field": name},
            name,
        )
    return value.strip()


def _flag(item: Mapping[str, Any], index: int, name: str) -> bool:
    value = item.get(name)
    if not isinstance(value, bool):
        raise BadBody(
            _("Item %(index)s: “%(field)s” must be true or false.")
            % {"index": index, "field": name},
            name,
        )
    return value


def _why(*words: str) -> str:
    return sms.scrub(" ".join(word for word in words if word)) or "not delivered"


# --- each gateway's formats --------------------------------------------------------------


def _aliyun_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Aliyun SmsReport: {"biz_id", "success", "err_code", "err_msg", "out_id", ...}."""
    delivered = _flag(item, index, "success")
    reason = _why(
        _text(item, index, "err_code", required=False),
        _text(item, index, "err_msg", required=False),
    )
    return Receipt(_text(item, index, "biz_id"), delivered, "" if delivered else reason)


def _tencent_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Tencent status callback: {"sid", "report_status": SUCCESS|FAIL, "errmsg", ...}."""
    status = _text(item, index, "report_status").upper()
    if status not in ("SUCCESS", "FAIL"):
        raise BadBody(
            _("Item %(index)s: “%(field)s” must be SUCCESS or FAIL.")
            % {"index": index, "field": "report_status"},
            "report_status",
        )
    delivered = status == "SUCCESS"
    reason = _why(
        _text(item, index, "errmsg", required=False),
        _text(item, index, "description", required=False),
    )
    return Receipt(_text(item, index, "sid"), delivered, "" if delivered else reason)


def _http_receipt(item: Mapping[str, Any], index: int) -> Receipt:
    """Our HTTP protocol: {"id", "delivered", "reason"}."""
    delivered = _flag(item, index, "delivered")
    reason = "" if delivered else _why(_text(item, index, "reason", required=False))
    return Receipt(_text(item, index, "id"), delivered, reason)


def _aliyun_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Aliyun SmsUp: {"phone_number", "content", "sign_name", "send_time", ...}."""
    return Reply(_text(item, index, "phone_number"), _text(item, index, "content", required=False))


def _tencent_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Tencent reply callback: {"mobile", "nationcode", "text", "sign", "time", ...}."""
    mobile = _text(item, index, "mobile")
    nation = _text(item, index, "nationcode", required=False) or "86"
    phone = mobile if nation == "86" else f"+{nation}{mobile}"
    return Reply(phone, _text(item, index, "text", required=False))


def _http_reply(item: Mapping[str, Any], index: int) -> Reply:
    """Our HTTP protocol: {"phone", "text"}."""
    return Reply(_text(item, index, "phone"), _text(item, index, "text", required=False))


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


# --- what a reply does -------------------------------------------------------------------


def wants_no_more(text: str) -> bool:
    """TD, td, " 退订 ", ＴＤ (full width) and the like; anything longer is a message."""
    word = unicodedata.normalize("NFKC", text).strip().strip("。.!！").strip().upper()
    return word in STOP_WORDS


# --- the views ---------------------------------------------------------------------------


def _format(request: HttpRequest, gateway: str) -> Format | HttpResponse:
    """The gateway's format, once the caller showed the token; else the refusal."""
    expected = settings.JICENG_SMS_RECEIPT_TOKEN
    known = FORMATS.get(gateway)
    if not expected or known is None:
        raise Http404
    given = request.GET.get("token") or request.headers.get("X-Jiceng-Token") or ""
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return JsonResponse({"error": _("A valid token is required.")}, status=403)
    if request.method != "POST":
        return JsonResponse({"error": _("Only POST is accepted here.")}, status=405)
    return known


def _parsed(request: HttpRequest, parse: Callable[[Mapping[str, Any], int], Any]) -> Iterator[Any]:
    for index, item in enumerate(_items(request)):
        yield parse(item, index)


@csrf_exempt
def receipts(request: HttpRequest, gateway: str) -> HttpResponse:
    known = _format(request, gateway)
    if isinstance(known, HttpResponse):
        return known
    try:
        reports = list(_parsed(request, known.receipt))
    except BadBody as error:
        return JsonResponse({"error": error.message, "field": error.field}, status=400)
    matched = sum(
        outbox.record_receipt(provider_id=r.provider_id, delivered=r.delivered, reason=r.reason)
        for r in reports
    )
    log.info("sms receipts from %s: %s of %s matched a message", gateway, matched, len(reports))
    return JsonResponse({**known.ok, "received": len(reports), "matched": matched})


@csrf_exempt
def replies(request: HttpRequest, gateway: str) -> HttpResponse:
    known = _format(request, gateway)
    if isinstance(known, HttpResponse):
        return known
    try:
        texts = list(_parsed(request, known.reply))
    except BadBody as error:
        return JsonResponse({"error": error.message, "field": error.field}, status=400)
    stopping = [reply.phone for reply in texts if wants_no_more(reply.text)]
    opted_out = optout.stop_texts_to(phones=stopping)
    log.info("sms replies from %s: %s, %s asked for no more", gateway, len(texts), opted_out)
    return JsonResponse({**known.ok, "received": len(texts), "opted_out": opted_out})
