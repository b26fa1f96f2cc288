"""The number-and-digits check: a resident proves a case is theirs, or is told nothing."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from jiceng.cases import public
from jiceng.core.proxy import client_address
from jiceng.web.portal import session
from jiceng.web.portal.forms import FollowForm
from jiceng.web.portal.session import follow_redirect


def follow_check(request: HttpRequest) -> HttpResponse:
    form = FollowForm(request.POST)
    if not public.lookup_allowed(client_address(request)):
        form.is_valid()
        form.add_error(None, _("Too many tries from this connection. Please wait 10 minutes."))
        return render(request, "web/portal/follow.html", {"form": form}, status=429)
    if form.is_valid():
        number = form.cleaned_data["number"]
        case = public.follow_case(number, form.cleaned_data["last4"])
        if case is not None:
            # The resident's own request: a merged one shows the case that carries its work.
            own = case.number or number
            session.remember(request, own)
            return follow_redirect(own)
        # One message whether the number exists or not: the page must not confirm numbers.
        form.add_error(
            None,
            _(
                "We could not find a request with that number and those phone digits. "
                "Check both and try again."
            ),
        )
    return render(request, "web/portal/follow.html", {"form": form})
