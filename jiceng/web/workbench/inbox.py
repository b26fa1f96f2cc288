"""The workbench inbox: what the unit was told, newest first, unread ones marked.

Opening the inbox marks nothing read. A message is read when its member of staff opens
it (a small POST that marks it and goes on to its case) or marks them all read; both
are POSTs, so a link preview or a prefetch never reads anyone's inbox for them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from jiceng.core import clock
from jiceng.core.errors import NotAllowed
from jiceng.notices import inbox
from jiceng.notices.models import Message
from jiceng.web.workbench.access import acting_user, staff_required
from jiceng.web.workbench.notices import worded

PAGE_SIZE = 50


@dataclass(frozen=True)
class Row:
    message: Message
    text: str
    at: datetime
    number: str  # the case's number, "" for a message about no case
    unread: bool
    urgent: bool


def _rows(page: list[Message]) -> list[Row]:
    return [
        Row(
            message=message,
            text=worded(message),
            at=message.delivered_at or message.created_at,
            number=message.case.number if message.case is not None else "",
            unread=bool(getattr(message, "unread", False)),
            urgent=message.urgent,
        )
        for message in page
    ]


class ReadAllForm(forms.Form):
    seen = forms.DateTimeField(
        label=gettext_lazy("Shown at"),
        error_messages={
            "required": gettext_lazy("Shown at: the inbox's time is missing; reload the inbox."),
            "invalid": gettext_lazy("Shown at: the inbox's time is not a time; reload the inbox."),
        },
    )


@staff_required
@require_GET
def inbox_page(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    page = Paginator(inbox.inbox_messages(user), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "rows": _rows(list(page)),
        "has_inbox": inbox.has_inbox(user),
        "seen": clock.now().isoformat(),
    }
    return render(request, "web/workbench/inbox.html", context)


@staff_required
@require_POST
def open_message(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one message read and go to its case (or back to the inbox if it has none)."""
    user = acting_user(request)
    try:
        message = inbox.inbox_message(user, pk)
    except NotAllowed:
        raise Http404(_("No such message in your inbox.")) from None
    inbox.message_read(message=message, by=user)
    if message.case is not None:
        return redirect("workbench:case", number=message.case.number)
    return redirect("workbench:inbox")


@staff_required
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    user = acting_user(request)
    form = ReadAllForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["seen"]))
        return redirect("workbench:inbox")
    marked = inbox.inbox_read_all(by=user, seen_at=form.cleaned_data["seen"])
    if marked:
        messages.success(request, _("All messages are marked read."))
    return redirect(reverse("workbench:inbox"))
