"""Field work pages for village cadres and grid workers: phone first, one short form each.

Reads go through the field-work selectors (village-scoped); writes through the
services. Another village's household or outreach item answers 404. Households are in
``households``, outreach in ``outreach``, coverage in ``coverage``.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import JicengError
from jiceng.fieldwork import selectors
from jiceng.fieldwork.scope import field_village, households_for
from jiceng.fieldwork.services import visit_record
from jiceng.web.field.access import field_user, service_error
from jiceng.web.field.forms import VisitForm


@login_required
def home(request: HttpRequest) -> HttpResponse:
    user = field_user(request)
    field_village(user)
    return render(
        request,
        "web/field/home.html",
        {
            "follow_ups": selectors.open_follow_ups(user)[:50],
            "visits": selectors.my_visits(user)[:20],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit(request: HttpRequest) -> HttpResponse:
    user = field_user(request)
    households = households_for(user)
    initial: dict[str, Any] = {}
    chosen = request.GET.get("household", "")
    if chosen.isdigit() and households.filter(pk=chosen).exists():
        initial = {"place_kind": "household", "household": int(chosen)}
    form = VisitForm(request.POST or None, households=households, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            done = visit_record(by=user, **form.cleaned_data)
        except JicengError as error:
            service_error(form, error)
        else:
            if done.case is not None:
                message = _("Visit saved. Case %(number)s was opened from it.") % {
                    "number": done.case.number
                }
            else:
                message = _("Visit saved.")
            messages.success(request, message)
            return redirect("field:home")
    status = 400 if form.errors else 200
    return render(request, "web/field/visit.html", {"form": form}, status=status)
