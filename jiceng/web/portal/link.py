"""The link a message carries: it opens the resident's own case without typing any digits."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from jiceng.cases import public
from jiceng.notices import links
from jiceng.web.portal import session
from jiceng.web.portal.session import follow_url


@require_GET
def link(request: HttpRequest, token: str) -> HttpResponse:
    """A signed link from an SMS: the case opens as if its number and digits were typed."""
    try:
        opened = links.open_token(token)
    except links.ExpiredLink:
        messages.info(
            request,
            _(
                "This link has expired. Enter your case number and the last four digits "
                "of your phone to follow your request."
            ),
        )
        return redirect("portal:follow")
    except links.BadLink:
        raise Http404 from None
    number = public.number_of(opened.case_id)
    if not number:
        raise Http404
    session.remember(request, number)
    # A rating link opens on the rating form while there is one; the page says if not.
    anchor = "#rate" if opened.purpose == links.RATE else ""
    return HttpResponseRedirect(follow_url(number) + anchor)
