"""Following a request: the form; the check is in ``follow_check``, the page in ``case_page``.

A resident proves a case is theirs with its number and the last four digits of their
phone; the portal remembers that in the session (``session``).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from jiceng.cases import public
from jiceng.web.portal import session
from jiceng.web.portal.case_page import case_page
from jiceng.web.portal.follow_check import follow_check
from jiceng.web.portal.forms import FollowForm, RateForm


@require_http_methods(["GET", "POST"])
def follow(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return follow_check(request)
    number = request.GET.get("number", "").strip()
    case = public.case_by_number(number) if session.is_verified(request, number) else None
    if case is not None:
        return case_page(request, case, RateForm())
    form = FollowForm(initial={"number": number})
    return render(request, "web/portal/follow.html", {"form": form})
