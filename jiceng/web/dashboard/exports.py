"""The dashboard's exports: each table as an Excel or CSV file, with the same rows as the page."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from jiceng.core.exports import csv_bytes, xlsx_bytes
from jiceng.core.exports.download import CSV, XLSX, attachment
from jiceng.insights import dashboard as selectors
from jiceng.insights import hotissues
from jiceng.people.models import User
from jiceng.web.dashboard.period import period_of
from jiceng.web.dashboard.tables.backlog import backlog_table
from jiceng.web.dashboard.tables.base import Table
from jiceng.web.dashboard.tables.hot import hot_issues_table
from jiceng.web.dashboard.tables.lists import oldest_table
from jiceng.web.dashboard.tables.local import local_table
from jiceng.web.dashboard.tables.period import Period
from jiceng.web.dashboard.tables.rates import ranking_table, trends_table, units_table

Builder = Callable[[User, Period], Table]


def _ranking(user: User, p: Period) -> Table:
    return ranking_table(p, selectors.ranking(user=user, area=p.area, year=p.year, month=p.month))


def _trends(user: User, p: Period) -> Table:
    return trends_table(p, selectors.trends(user=user, area=p.area, year=p.year, month=p.month))


def _backlog(user: User, p: Period) -> Table:
    return backlog_table(p, selectors.backlog(user=user, area=p.area, now=p.now))


def _oldest(user: User, p: Period) -> Table:
    return oldest_table(p, selectors.oldest_open(user=user, area=p.area))


def _units(user: User, p: Period) -> Table:
    return units_table(p, selectors.units_here(user=user, area=p.area, year=p.year, month=p.month))


def _local(user: User, p: Period) -> Table:
    return local_table(p, selectors.ranking(user=user, area=p.area, year=p.year, month=p.month))


def _hot(user: User, p: Period) -> Table:
    report = hotissues.hot_issues(user=user, area=p.area, year=p.year, month=p.month)
    return hot_issues_table(p, report.issues)


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
    period, form = period_of(request)
    if "month" in form.errors:
        return HttpResponseBadRequest(form.errors["month"][0], content_type="text/plain")
    build = EXPORTS.get(chart)
    if build is None:
        raise Http404(_("No such table to export."))
    table = build(request.user, period)  # type: ignore[arg-type]
    if extension == "xlsx":
        heading = [
            table.title,
            _("Area: %(area)s") % {"area": period.area.name},
            _("Period: %(when)s") % {"when": table.when or period.label},
        ]
        body = xlsx_bytes(
            title=table.title, columns=table.columns, rows=table.rows, heading=heading
        )
        content_type = XLSX
    else:
        body = csv_bytes(columns=table.columns, rows=table.rows)
        content_type = CSV
    name = f"{chart}-{period.area.code or 'all'}-{period.label}.{extension}"
    return attachment(body, name, content_type)


@login_required
def export_xlsx(request: HttpRequest, chart: str) -> HttpResponse:
    return _export(request, chart, "xlsx")


@login_required
def export_csv(request: HttpRequest, chart: str) -> HttpResponse:
    return _export(request, chart, "csv")
