"""The two addresses: receipts mark messages, replies of a stop word opt the phone out."""

from __future__ import annotations

import hmac
import logging
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from jiceng.notices.optout_replies import stop_texts_to
from jiceng.notices.outbox.receipts import record_receipt
from jiceng.notices.receipts.body import BadBody, items
from jiceng.notices.receipts.formats import FORMATS, Format

log = logging.getLogger("jiceng.notices.receipts")

# What a resident texts back to stop texts: 退订 and the carriers' usual short forms.
STOP_WORDS = frozenset({"TD", "T", "N", "退订"})


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
    for index, item in enumerate(items(request)):
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
        record_receipt(provider_id=r.provider_id, delivered=r.delivered, reason=r.reason)
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
    opted_out = stop_texts_to(phones=stopping)
    log.info("sms replies from %s: %s, %s asked for no more", gateway, len(texts), opted_out)
    return JsonResponse({**known.ok, "received": len(texts), "opted_out": opted_out})
