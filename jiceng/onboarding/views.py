"""The county's onboarding page: its set-up at a glance, the workbook out and back in.

For administrators (any county, ``?county=CODE``) and a county's own administrator. Anyone
else, and a county administrator asking for another county, gets 404.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from jiceng.onboarding.export import county_setup
from jiceng.onboarding.models import OnboardingRun
from jiceng.onboarding.scope import county_of_request
from jiceng.onboarding.upload import WorkbookForm, apply_upload
from jiceng.people.models import User


@login_required
@require_http_methods(["GET", "POST"])
def county_page(request: HttpRequest) -> HttpResponse:
    county = county_of_request(request)
    assert isinstance(request.user, User)
    form = WorkbookForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = apply_upload(county, form, request.user)
    context = {
        "county": county,
        "setup": county_setup(county),
        "runs": OnboardingRun.objects.filter(county=county).select_related("by")[:10],
        "form": form,
        "problems": getattr(form, "problems", [])[:200],
        "report": report,
    }
    return render(request, "onboarding/county.html", context, status=400 if form.errors else 200)
