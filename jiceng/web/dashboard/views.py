"""The leaders' dashboard, the rates explained, and the hot issues.

Thin views: the selectors in ``jiceng.insights.dashboard`` read (and check the
user's role and jurisdiction), ``tables`` and ``charts`` shape, and
``jiceng.core.exports`` writes the files (``exports``). The page and an export of the
same table show the same rows, because both come from the same table builder.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.core import calendar
from jiceng.core.errors import NotAllowed
from jiceng.insights import dashboard as selectors
from jiceng.insights import hotissues
from jiceng.insights.tasks import hot_issues_task
from jiceng.people.models import User
from jiceng.web.dashboard.figures import figures
from jiceng.web.dashboard.kpis import kpis
from jiceng.web.dashboard.period import export_links, period_of
from jiceng.web.dashboard.sections import sections


@login_required
def home(request: HttpRequest) -> HttpResponse:
    period, form = period_of(request)
    user: User = request.user  # type: ignore[assignment]
    found = figures(user, period)
    context = {
        "form": form,
        "period": period,
        "area": period.area,
        "choices": selectors.area_choices(user, period.area),
        "kpis": kpis(period, found),
        "sections": sections(period, found),
        "calendar_warning": calendar.missing_year_warning(timezone.localdate(period.now)),
    }
    return render(request, "web/dashboard/home.html", context)


@login_required
def rates_explained(request: HttpRequest) -> HttpResponse:
    """How the rates, the area rule and the rankings are counted (docs/rates.md, translated)."""
    if not selectors.can_view_dashboard(request.user):  # type: ignore[arg-type]
        raise NotAllowed(_("Your role cannot see the dashboard."))
    weights = settings.JICENG_SCORE_WEIGHTS
    context = {
        "weights": dict(zip(("response", "resolution", "satisfaction"), weights, strict=True)),
        "basic_weight": settings.JICENG_BASIC_SATISFIED_WEIGHT,
        "minimum": settings.JICENG_RANKING_MIN_RATED,
    }
    return render(request, "web/dashboard/rates_explained.html", context)


@login_required
def hot_issues(request: HttpRequest) -> HttpResponse:
    period, form = period_of(request)
    user: User = request.user  # type: ignore[assignment]
    report = hotissues.hot_issues(user=user, area=period.area, year=period.year, month=period.month)
    context = {
        "form": form,
        "period": period,
        "area": period.area,
        "choices": selectors.area_choices(user, period.area),
        "report": report,
        "exports": export_links(period, "hot-issues"),
        "query": urlencode({"month": period.label, "area": period.area.code}),
    }
    return render(request, "web/dashboard/hot_issues.html", context)


@login_required
@require_POST
def hot_issues_refresh(request: HttpRequest) -> HttpResponse:
    """Ask the worker to group the month again (it also does so every hour for recent months)."""
    period, form = period_of(request)
    if "month" in form.errors:
        return HttpResponseBadRequest(form.errors["month"][0], content_type="text/plain")
    for county in hotissues.counties_of(period.area):
        hot_issues_task.enqueue(county, period.year, period.month)
    messages.success(
        request,
        _("The hot issues of %(month)s are being regrouped; reload this page in a minute.")
        % {"month": period.label},
    )
    query = urlencode({"month": period.label, "area": period.area.code})
    return redirect(reverse("dashboard:hot_issues") + "?" + query)
