"""The leaders' dashboard and its exports.

Thin views: the selectors in ``jiceng.insights.dashboard`` read (and check the
user's role and jurisdiction), ``tables`` and ``charts`` shape, and
``jiceng.core.exports`` writes the files. The page and an export of the same
table show the same rows, because both come from the same table builder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from jiceng.cases.models import Case
from jiceng.core import calendar, clock
from jiceng.core.errors import NotAllowed
from jiceng.core.exports import PERCENT, csv_bytes, xlsx_bytes
from jiceng.insights import dashboard as selectors
from jiceng.insights import hotissues
from jiceng.insights.rates import AreaRates
from jiceng.insights.tasks import hot_issues_task
from jiceng.people.models import User
from jiceng.places.models import Level
from jiceng.web.dashboard import charts
from jiceng.web.dashboard import tables as t
from jiceng.web.dashboard.forms import FilterForm

RATE_TABLES = frozenset({"ranking", "units", "trends"})
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass
class Section:
    table: t.Table
    intro: str
    chart: charts.Chart | None = None
    caption: str = ""
    exports: list[tuple[str, str]] = field(default_factory=list)
    explained: str = ""  # a link to how the figures are counted

    @property
    def chart_id(self) -> str:
        return f"{self.table.key}-chart-data"


def _period(request: HttpRequest) -> tuple[t.Period, FilterForm]:
    now = clock.now()
    form = FilterForm(request.GET, today=timezone.localdate(now))
    year, month = form.month_or_default()
    if "area" in form.errors:
        raise Http404(_("No such area to show."))
    user: User = request.user  # type: ignore[assignment]
    area = selectors.dashboard_area(user, form.cleaned_data.get("area"))
    return t.Period(area=area, year=year, month=month, now=now), form


def _exports(period: t.Period, key: str) -> list[tuple[str, str]]:
    query = urlencode({"month": period.label, "area": period.area.code})
    return [
        (_("Excel"), reverse("dashboard:export_xlsx", args=[key]) + "?" + query),
        (_("CSV"), reverse("dashboard:export_csv", args=[key]) + "?" + query),
    ]


def _where(period: t.Period) -> dict[str, str]:
    child = period.area.child_level
    return {
        "area": period.area.name,
        "month": period.label,
        "level": str(Level(child).label).lower() if child else "",
    }


@dataclass
class Figures:
    rows: list[AreaRates]
    units: list[AreaRates]
    total: AreaRates  # the area itself in the chosen month
    months: list[selectors.MonthRates]
    ages: list[selectors.Backlog]
    oldest: list[Case]
    received: dict[str, int]


def _figures(user: User, period: t.Period) -> Figures:
    area, year, month = period.area, period.year, period.month
    rates = selectors.month_rates(user=user, area=area, year=year, month=month)
    return Figures(
        rows=rates.areas,
        units=rates.units_here,
        total=rates.total,
        months=selectors.trends(user=user, area=area, year=year, month=month),
        ages=selectors.backlog(user=user, area=area, now=period.now),
        oldest=selectors.oldest_open(user=user, area=area),
        received=selectors.received(user=user, area=area, year=year, month=month),
    )


def _sections(period: t.Period, found: Figures) -> list[Section]:
    rows, months, ages = found.rows, found.months, found.ages
    where = _where(period)
    keys = ("response", "resolution", "satisfaction")
    weights = dict(zip(keys, settings.JICENG_SCORE_WEIGHTS, strict=True))
    sections = [
        Section(
            t.ranking_table(period, rows),
            _(
                "Composite score = %(response)d%% response rate + %(resolution)d%% resolution rate"
                " + %(satisfaction)d%% satisfaction rate. An area's figures add up the work of"
                " the units in it; a county department's work counts for the county, not for"
                " the village where the case was. With fewer than %(minimum)d ratings in the"
                " month an area is shown as too few ratings and not ranked; equal scores share"
                " a rank."
            )
            % {**weights, "minimum": settings.JICENG_RANKING_MIN_RATED},
            # Nothing ranked (every area short of ratings): no bars to draw.
            charts.ranking_chart(rows) if any(r.rank is not None for r in rows) else None,
            _("Chart: composite score by %(level)s, best at the top.") % where,
        ),
        Section(
            t.units_table(period, found.units),
            _(
                "The units of %(area)s itself, each with its own figures: departments are"
                " ranked against departments; the dispatch centre's line is its response to"
                " cases waiting for dispatch and is not ranked."
            )
            % where,
        ),
        Section(
            t.trends_table(period, months),
            _("The three rates of %(area)s month by month, up to %(month)s.") % where,
            charts.trends_chart(months),
            _("Chart: the three rates over twelve months, in percent.") % where,
        ),
        Section(
            t.backlog_table(period, ages),
            _(
                "Requests open now (whenever they came in), by how long they have been open."
                " Consultations are answered at once and never wait."
            ),
            charts.backlog_chart(ages),
            _("Chart: open requests by %(level)s, stacked by age.") % where,
        ),
        Section(
            t.oldest_table(period, found.oldest),
            _("The requests open longest in %(area)s, oldest first.") % where,
        ),
        Section(
            t.local_table(period, rows),
            _(
                "Where the month's resolutions happened: in the village, at the township or at"
                " county level. This describes, it does not rank: escalating is always allowed."
            ),
            charts.local_chart(rows),
            _("Chart: share of resolutions by tier, per %(level)s.") % where,
        ),
    ]
    if not found.units:
        sections = [section for section in sections if section.table.key != "units"]
    for section in sections:
        section.exports = _exports(period, section.table.key)
        if section.table.key in RATE_TABLES:
            section.explained = reverse("dashboard:rates_explained")
    return sections


def _kpis(period: t.Period, found: Figures) -> list[tuple[str, str, str]]:
    ages, got = found.ages, found.received
    total = found.total
    resolutions = sum(sum(row.resolved_by_tier.values()) for row in found.rows)
    old = sum(row.over.get(selectors.AGE_THRESHOLDS[1], 0) for row in ages)
    return [
        (
            _("Cases received"),
            str(got["total"]),
            _("of which %(n)d consultations") % {"n": got["consultations"]},
        ),
        (_("Resolutions"), str(resolutions), ""),
        (_("Response rate"), t.show(total.response_rate, PERCENT), t.count_text(total.response)),
        (
            _("Resolution rate"),
            t.show(total.resolution_rate, PERCENT),
            t.count_text(total.resolution),
        ),
        (
            _("Satisfaction rate"),
            t.show(total.satisfaction_rate, PERCENT),
            t.count_text(total.satisfaction),
        ),
        (
            _("Open requests now"),
            str(sum(row.total for row in ages)),
            _("%(n)d open over 90 days") % {"n": old},
        ),
    ]


@login_required
def home(request: HttpRequest) -> HttpResponse:
    period, form = _period(request)
    user: User = request.user  # type: ignore[assignment]
    found = _figures(user, period)
    context = {
        "form": form,
        "period": period,
        "area": period.area,
        "choices": selectors.area_choices(user, period.area),
        "kpis": _kpis(period, found),
        "sections": _sections(period, found),
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
    period, form = _period(request)
    user: User = request.user  # type: ignore[assignment]
    report = hotissues.hot_issues(user=user, area=period.area, year=period.year, month=period.month)
    context = {
        "form": form,
        "period": period,
        "area": period.area,
        "choices": selectors.area_choices(user, period.area),
        "report": report,
        "exports": _exports(period, "hot-issues"),
        "query": urlencode({"month": period.label, "area": period.area.code}),
    }
    return render(request, "web/dashboard/hot_issues.html", context)


@login_required
@require_POST
def hot_issues_refresh(request: HttpRequest) -> HttpResponse:
    """Ask the worker to group the month again (it also does so every hour for recent months)."""
    period, form = _period(request)
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


Builder = Callable[[User, t.Period], t.Table]


def _ranking(user: User, p: t.Period) -> t.Table:
    return t.ranking_table(p, selectors.ranking(user=user, area=p.area, year=p.year, month=p.month))


def _trends(user: User, p: t.Period) -> t.Table:
    return t.trends_table(p, selectors.trends(user=user, area=p.area, year=p.year, month=p.month))


def _backlog(user: User, p: t.Period) -> t.Table:
    return t.backlog_table(p, selectors.backlog(user=user, area=p.area, now=p.now))


def _oldest(user: User, p: t.Period) -> t.Table:
    return t.oldest_table(p, selectors.oldest_open(user=user, area=p.area))


def _units(user: User, p: t.Period) -> t.Table:
    return t.units_table(
        p, selectors.units_here(user=user, area=p.area, year=p.year, month=p.month)
    )


def _local(user: User, p: t.Period) -> t.Table:
    return t.local_table(p, selectors.ranking(user=user, area=p.area, year=p.year, month=p.month))


def _hot(user: User, p: t.Period) -> t.Table:
    report = hotissues.hot_issues(user=user, area=p.area, year=p.year, month=p.month)
    return t.hot_issues_table(p, report.issues)


EXPORTS: dict[str, Builder] = {
    "hot-issues": _hot,
    "ranking": _ranking,
    "units": _units,
    "trends": _trends,
    "backlog": _backlog,
    "oldest": _oldest,
    "local": _local,
}


def _export(request: HttpRequest, chart: str, extension: str) -> HttpResponse:
    period, form = _period(request)
    if "month" in form.errors:
        return HttpResponseBadRequest(form.errors["month"][0], content_type="text/plain")
    build = EXPORTS.get(chart)
    if build is None:
        raise Http404(_("No such table to export."))
    table = build(request.user, period)  # type: ignore[arg-type]
    if extension == "xlsx":
        body = xlsx_bytes(title=table.title, columns=table.columns, rows=table.rows)
        response = HttpResponse(body, content_type=XLSX)
    else:
        body = csv_bytes(columns=table.columns, rows=table.rows)
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    name = f"{chart}-{period.area.code or 'all'}-{period.label}.{extension}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_xlsx(request: HttpRequest, chart: str) -> HttpResponse:
    return _export(request, chart, "xlsx")


@login_required
def export_csv(request: HttpRequest, chart: str) -> HttpResponse:
    return _export(request, chart, "csv")
