"""The dispatcher's call list: residents an SMS could not reach, to be called instead.

Each line shows the case, what the SMS would have said, why it failed and the masked
phone. The number is shown in clear only on the dispatcher's request, which is logged
like every reveal (the case page's own reveal is for the unit that owns the case, and a
failed "resolved" SMS belongs to a case the centre no longer owns). "Called" takes the
line off the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jiceng.core.errors import NotAllowed
from jiceng.notices import inbox
from jiceng.notices.models import Message
from jiceng.people.models import Resident
from jiceng.people.services import resident_reveal
from jiceng.web.workbench.access import acting_user, caller_required
from jiceng.web.workbench.notice_reasons import reason
from jiceng.web.workbench.notices import worded

# At most this many lines on the page: the oldest first, the rest after these are called.
SHOWN = 200


@dataclass(frozen=True)
class Call:
    message: Message
    number: str
    text: str
    reason: str
    phone: str  # masked
    at: datetime
    clear: str  # the phone in clear, just after the dispatcher asked for it


def _calls(messages_: list[Message], revealed: dict[int, str]) -> list[Call]:
    return [
        Call(
            message=message,
            number=message.case.number if message.case is not None else "",
            text=worded(message),
            reason=reason(message.error),
            phone=message.resident.phone_masked if message.resident is not None else "",
            at=message.created_at,
            clear=revealed.get(message.pk, ""),
        )
        for message in messages_
    ]


def _page(request: HttpRequest, *, revealed: dict[int, str] | None = None) -> HttpResponse:
    waiting = inbox.calls_to_make(acting_user(request))
    rows = list(waiting[:SHOWN])
    context = {
        "calls": _calls(rows, revealed or {}),
        "total": len(rows) if len(rows) < SHOWN else waiting.count(),
    }
    return render(request, "web/workbench/calls.html", context)


def _one(request: HttpRequest, pk: int) -> Message:
    try:
        return inbox.call_to_make(acting_user(request), pk)
    except NotAllowed:
        raise Http404(_("No such resident to call in your area.")) from None


@caller_required
@require_GET
def calls(request: HttpRequest) -> HttpResponse:
    return _page(request)


@caller_required
@require_POST
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    """The resident's phone in clear, to call them; the look is logged with its reason."""
    message = _one(request, pk)
    resident = Resident.objects.get(pk=message.resident_id)
    phone = resident_reveal(
        resident=resident,
        field="phone",
        by=acting_user(request),
        reason=_("Call the resident: an SMS could not reach them"),
        case=message.case,
    )
    return _page(request, revealed={message.pk: phone})


@caller_required
@require_POST
def called(request: HttpRequest, pk: int) -> HttpResponse:
    message = _one(request, pk)
    if inbox.message_called(message=message, by=acting_user(request)):
        number = message.case.number if message.case is not None else ""
        messages.success(request, _("Case %(number)s: marked as called.") % {"number": number})
    return redirect("workbench:calls")
