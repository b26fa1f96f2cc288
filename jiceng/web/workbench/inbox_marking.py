"""Marking inbox messages read: one when it is opened, or all that the inbox showed."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from jiceng.core.errors import NotAllowed
from jiceng.notices import inbox
from jiceng.web.workbench.access import acting_user, staff_required


class ReadAllForm(forms.Form):
    seen = forms.DateTimeField(
        label=gettext_lazy("Shown at"),
        error_messages={
            "required": gettext_lazy("Shown at: the inbox's time is missing; reload the inbox."),
            "invalid": gettext_lazy("Shown at: the inbox's time is not a time; reload the inbox."),
        },
    )


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
