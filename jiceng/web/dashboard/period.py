"""Which area and month a dashboard request is about, and the export links for them."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.insights import dashboard as selectors
from jiceng.people.models import User
from jiceng.web.dashboard.forms import FilterForm
from jiceng.web.dashboard.tables.period import Period

RATE_TABLES = frozenset({"ranking", "units", "trends"})


def period_of(request: HttpRequest) -> tuple[Period, FilterForm]:
    now = clock.now()
    form = FilterForm(request.GET, today=timezone.localdate(now))
    year, month = form.month_or_default()
    if "area" in form.errors:
        raise Http404(_("No such area to show."))
    user: User = request.user  # type: ignore[assignment]
    area = selectors.dashboard_area(user, form.cleaned_data.get("area"))
    return Period(area=area, year=year, month=month, now=now), form


def export_links(period: Period, key: str) -> list[tuple[str, str]]:
    query = urlencode({"month": period.label, "area": period.area.code})
    return [
        (_("Excel"), reverse("dashboard:export_xlsx", args=[key]) + "?" + query),
        (_("CSV"), reverse("dashboard:export_csv", args=[key]) + "?" + query),
    ]
