"""The county's onboarding page: its set-up at a glance, the workbook out and back in.

For administrators (any county, ``?county=CODE``) and a county's own administrator. Anyone
else, and a county administrator asking for another county, gets 404.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.onboarding.export import county_setup
from jiceng.onboarding.models import OnboardingRun
from jiceng.onboarding.outcome import Report, WorkbookInvalid
from jiceng.onboarding.scope import managed_county, may_manage
from jiceng.onboarding.services import county_onboard
from jiceng.people.models import User
from jiceng.places.models import Division, Level

MAX_UPLOAD = 5 * 1024 * 1024


class WorkbookForm(forms.Form):
    workbook = forms.FileField(label=gettext_lazy("Onboarding workbook (.xlsx)"))


def county_of_request(request: HttpRequest) -> Division:
    """The county the user may manage, fetched and checked in one call; else 404."""
    user = request.user
    assert isinstance(user, User)
    code = request.GET.get("county", "") or managed_county(user)
    county = Division.objects.filter(code=code, level=Level.COUNTY).first()
    if county is None or not may_manage(user, county.code):
        raise Http404(_("No such county to manage."))
    return county


def _apply(county: Division, form: WorkbookForm, user: User) -> Report | None:
    upload = form.cleaned_data["workbook"]
    try:
        if upload.size > MAX_UPLOAD:
            raise InvalidInput(_("The file is larger than 5 MB."), field="workbook")
        return county_onboard(county_code=county.code, file=upload, by=user)
    except WorkbookInvalid as invalid:
        form.add_error("workbook", invalid.message)
        form.problems = invalid.problems  # type: ignore[attr-defined]
    except (InvalidInput, NotAllowed) as error:
        form.add_error("workbook", error.message)
    return None


@login_required
@require_http_methods(["GET", "POST"])
def county_page(request: HttpRequest) -> HttpResponse:
    county = county_of_request(request)
    assert isinstance(request.user, User)
    form = WorkbookForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        report = _apply(county, form, request.user)
    context = {
        "county": county,
        "setup": county_setup(county),
        "runs": OnboardingRun.objects.filter(county=county).select_related("by")[:10],
        "form": form,
        "problems": getattr(form, "problems", [])[:200],
        "report": report,
    }
    return render(request, "onboarding/county.html", context, status=400 if form.errors else 200)
