"""The dashboard's sections: each table with its introduction, its chart and its exports."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _

from jiceng.places.models import Level
from jiceng.web.dashboard import charts
from jiceng.web.dashboard.figures import Figures
from jiceng.web.dashboard.period import RATE_TABLES, export_links
from jiceng.web.dashboard.tables.backlog import backlog_table
from jiceng.web.dashboard.tables.base import Table
from jiceng.web.dashboard.tables.lists import oldest_table
from jiceng.web.dashboard.tables.local import local_table
from jiceng.web.dashboard.tables.period import Period
from jiceng.web.dashboard.tables.rates import ranking_table, trends_table, units_table


@dataclass
class Section:
    table: Table
    intro: str
    chart: charts.Chart | None = None
    caption: str = ""
    exports: list[tuple[str, str]] = field(default_factory=list)
    explained: str = ""  # a link to how the figures are counted

    @property
    def chart_id(self) -> str:
        return f"{self.table.key}-chart-data"


def _where(period: Period) -> dict[str, str]:
    child = period.area.child_level
    return {
        "area": period.area.name,
        "month": period.label,
        "level": str(Level(child).label).lower() if child else "",
    }


def sections(period: Period, found: Figures) -> list[Section]:
    rows, months, ages = found.rows, found.months, found.ages
    where = _where(period)
    keys = ("response", "resolution", "satisfaction")
    weights = dict(zip(keys, settings.JICENG_SCORE_WEIGHTS, strict=True))
    sections = [
        Section(
            ranking_table(period, rows),
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
            units_table(period, found.units),
            _(
                "The units of %(area)s itself, each with its own figures: departments are"
                " ranked against departments; the dispatch centre's line is its response to"
                " cases waiting for dispatch and is not ranked."
            )
            % where,
        ),
        Section(
            trends_table(period, months),
            _("The three rates of %(area)s month by month, up to %(month)s.") % where,
            charts.trends_chart(months),
            _("Chart: the three rates over twelve months, in percent.") % where,
        ),
        Section(
            backlog_table(period, ages),
            _(
                "Requests open now (whenever they came in), by how long they have been open."
                " Consultations are answered at once and never wait."
            ),
            charts.backlog_chart(ages),
            _("Chart: open requests by %(level)s, stacked by age.") % where,
        ),
        Section(
            oldest_table(period, found.oldest),
            _("The requests open longest in %(area)s, oldest first.") % where,
        ),
        Section(
            local_table(period, rows),
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
        section.exports = export_links(period, section.table.key)
        if section.table.key in RATE_TABLES:
            section.explained = reverse("dashboard:rates_explained")
    return sections
