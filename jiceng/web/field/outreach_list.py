"""The outreach list for village cadres and grid workers: by household, filtered, paged.

Township and county staff see progress figures instead (no names), as before.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from jiceng.core import clock
from jiceng.people.models import User
from jiceng.policies.models import CLOSED_OUTCOMES
from jiceng.policies.outreach_list import new_since, outreach_page, policy_choices
from jiceng.policies.progress import outreach_progress
from jiceng.web.field.forms import OutcomeForm
from jiceng.web.field.outreach_filter import FilterForm


@login_required
def outreach(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    if request.GET.get("view") == "progress" or not user.role.endswith(("cadre", "worker")):
        return render(request, "web/field/progress.html", {"rows": outreach_progress(user)})
    form = FilterForm(request.GET or None, policies=policy_choices(user))
    page, homes = outreach_page(user, form.chosen(), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "filter_form": form,
        "page": page,
        "homes": homes,
        "query": query.urlencode(),
        "form": OutcomeForm(),
        "closed": CLOSED_OUTCOMES,
        "new_since": new_since(),
        "today": timezone.localdate(clock.now()),
    }
    return render(request, "web/field/outreach_households.html", context)
