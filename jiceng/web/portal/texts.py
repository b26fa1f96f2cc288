"""Stopping, or starting again, the text messages to the phone of a followed case."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.cases import public
from jiceng.notices import optout as texts
from jiceng.web.portal import session
from jiceng.web.portal.session import follow_redirect


@require_POST
def sms(request: HttpRequest) -> HttpResponse:
    """Stop, or start again, the text messages to the phone of a case the browser has opened."""
    number = request.POST.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is None or case.resident is None:
        messages.error(request, _("Enter your case number and phone digits first."))
        return follow_redirect(number)
    if request.POST.get("texts") == "stop":
        texts.stop_texts(resident=case.resident)
        messages.success(
            request,
            _("We will not send text messages to your phone any more. You can still follow here."),
        )
    elif request.POST.get("texts") == "resume":
        texts.resume_texts(resident=case.resident)
        messages.success(request, _("We will send you text messages about your requests again."))
    return follow_redirect(number)
