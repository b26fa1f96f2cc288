"""Campaigns (每月一题, 旧账 clearance) and summons (吹哨报到)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignKind(models.TextChoices):
    MONTHLY_FOCUS = "monthly_focus", _("Monthly focus")
    BACKLOG = "backlog", _("Backlog clearance")


class Campaign(models.Model):
    kind = models.CharField(_("kind"), max_length=14, choices=CampaignKind.choices)
    title = models.CharField(_("title"), max_length=100)
    # Where the campaign works: a division-code prefix (a county or a township).
    area = models.CharField(_("area (division code)"), max_length=12)
    lead_unit = models.ForeignKey(
        "people.Unit", verbose_name=_("lead unit"), on_delete=models.PROTECT, related_name="+"
    )
    co_units = models.ManyToManyField(
        "people.Unit", verbose_name=_("co-units"), blank=True, related_name="+"
    )
    target_date = models.DateField(_("target date"))
    # Words new cases are matched on, besides the linked cases' own text.
    keywords = models.CharField(_("keywords"), max_length=200, blank=True)
    public = models.BooleanField(_("progress shown on the portal"), default=False)
    created_by = models.ForeignKey(
        "people.User", verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"))
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    close_report = models.TextField(_("close-out report"), blank=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class CampaignCase(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="links")
    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    added_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField()

    class Meta:
        verbose_name = _("case in a campaign")
        verbose_name_plural = _("cases in campaigns")
        constraints = [
            models.UniqueConstraint(fields=["campaign", "case"], name="campaign_case_once")
        ]

    def __str__(self) -> str:
        return f"{self.campaign_id}:{self.case_id}"


class Summons(models.Model):
    """吹哨报到: a township calls a county department onto a case, for one part of it."""

    case = models.ForeignKey("cases.Case", on_delete=models.PROTECT, related_name="+")
    unit = models.ForeignKey(
        "people.Unit", verbose_name=_("summoned unit"), on_delete=models.PROTECT, related_name="+"
    )
    part = models.CharField(_("its part"), max_length=300)
    summoned_by = models.ForeignKey("people.User", on_delete=models.PROTECT, related_name="+")
    summoned_at = models.DateTimeField(_("summoned at"))
    report_by = models.DateTimeField(_("report by"))
    done_by = models.DateTimeField(_("done by"))
    reported_at = models.DateTimeField(_("reported at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    result = models.CharField(_("result"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("summons")
        verbose_name_plural = _("summonses")
        ordering = ["case_id", "summoned_at"]
        indexes = [models.Index(fields=["unit", "done_at"], name="summons_unit_open")]

    def __str__(self) -> str:
        return f"{self.case_id} → {self.unit_id}"
