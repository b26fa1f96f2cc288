"""Stored analyses. The three rates are rolled up per unit and month by the worker
(:mod:`jiceng.insights.rollups`); hot issues are too slow to compute per page view (grouping
a county's month takes seconds), so the worker stores each county's monthly result here and
pages read it."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.insights.rollups.models import RateCell as RateCell
from jiceng.insights.rollups.models import RateMonth as RateMonth
from jiceng.insights.rollups.models import ResolutionCell as ResolutionCell
from jiceng.insights.rollups.models import RollupMark as RollupMark


class HotIssue(models.Model):
    """One problem many residents reported in one county and month (每月一题 candidates)."""

    county = models.CharField(_("county"), max_length=6)
    month = models.DateField(_("month"), help_text=_("The first day of the month."))
    rank = models.PositiveSmallIntegerField(_("rank"))
    label = models.CharField(_("label"), max_length=200)
    heat = models.FloatField(_("heat"))
    size = models.PositiveIntegerField(_("requests"))
    villages = models.PositiveIntegerField(_("villages"))
    keywords = models.JSONField(_("keywords"), default=list)
    case_ids = models.JSONField(_("cases"), default=list)
    first_seen = models.DateTimeField(_("first seen"))
    last_seen = models.DateTimeField(_("last seen"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("hot issue")
        verbose_name_plural = _("hot issues")
        ordering = ["county", "month", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["county", "month", "rank"], name="hot_issue_one_per_rank"
            )
        ]

    def __str__(self) -> str:
        return f"{self.county} {self.month:%Y-%m} #{self.rank} {self.label}"


class HotIssueRun(models.Model):
    """When a county's month was last grouped, and over how many requests (even if none hot)."""

    county = models.CharField(_("county"), max_length=6)
    month = models.DateField(_("month"))
    requests = models.PositiveIntegerField(_("requests grouped"))
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("hot-issue grouping")
        verbose_name_plural = _("hot-issue groupings")
        constraints = [
            models.UniqueConstraint(fields=["county", "month"], name="hot_issue_run_one_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.county} {self.month:%Y-%m}: {self.requests}"


class HotIssueGrouping(models.Model):
    """The grouping behind a county's month of hot issues, kept between runs.

    The hourly run places only the requests that arrived since into it (seconds, where
    regrouping a city's month takes about a minute); the first run after
    ``services.FULL_REGROUP_AFTER`` regroups the month from scratch. ``state`` is an
    ``.npz`` of plain arrays (``textmining.hotissues.Grouping``), read without pickles.
    """

    county = models.CharField(_("county"), max_length=6)
    month = models.DateField(_("month"))
    state = models.BinaryField(_("state"))
    requests = models.PositiveIntegerField(_("requests grouped"))
    regrouped_at = models.DateTimeField(_("regrouped at"))
    updated_at = models.DateTimeField(_("updated at"))

    class Meta:
        verbose_name = _("kept hot-issue grouping")
        verbose_name_plural = _("kept hot-issue groupings")
        constraints = [
            models.UniqueConstraint(
                fields=["county", "month"], name="hot_issue_grouping_one_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.county} {self.month:%Y-%m}: {self.requests}"
