"""One row per onboarding of a county: who applied which workbook, when, and what it did."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class OnboardingRun(models.Model):
    county = models.ForeignKey(
        "places.Division",
        verbose_name=_("county"),
        on_delete=models.PROTECT,
        related_name="+",
        db_constraint=False,
    )
    # NULL when run from the command line (``jiceng onboard-county``).
    by = models.ForeignKey(
        "people.User",
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))
    counts = models.JSONField(_("counts"), default=dict)
    opened = models.BooleanField(_("open for requests"), default=False)

    class Meta:
        verbose_name = _("onboarding run")
        verbose_name_plural = _("onboarding runs")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.county_id} {self.at:%Y-%m-%d %H:%M}"
