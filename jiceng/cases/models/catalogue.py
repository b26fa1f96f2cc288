"""What routes a case: time limits, categories and the dispatch catalogue."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core.calendar import HOURS, WORKING_DAYS


class TimeLimit(models.Model):
    """A class of time limit: how long the owner has to respond and to resolve."""

    UNIT_CHOICES = [(HOURS, _("hours (calendar time)")), (WORKING_DAYS, _("working days"))]

    code = models.SlugField(_("code"), max_length=20, primary_key=True)
    name = models.CharField(_("name"), max_length=50)
    respond_amount = models.PositiveIntegerField(_("response limit"))
    respond_unit = models.CharField(_("response limit unit"), max_length=12, choices=UNIT_CHOICES)
    resolve_amount = models.PositiveIntegerField(_("resolution limit"))
    resolve_unit = models.CharField(_("resolution limit unit"), max_length=12, choices=UNIT_CHOICES)

    class Meta:
        verbose_name = _("time limit")
        verbose_name_plural = _("time limits")

    def __str__(self) -> str:
        return self.name


class Tier(models.TextChoices):
    VILLAGE = "village", _("Village")
    TOWNSHIP = "township", _("Township")
    COUNTY = "county", _("County")


TIER_ORDER = [Tier.VILLAGE, Tier.TOWNSHIP, Tier.COUNTY]


class CategoryGroup(models.TextChoices):
    DAILY_LIFE = "daily_life", _("Daily life: food, clothing, housing, getting about")
    SERVICES = "services", _("Jobs, schools, social security, health")
    GOVERNANCE = "governance", _("Governance")


class Category(models.Model):
    code = models.SlugField(_("code"), max_length=30, primary_key=True)
    name = models.CharField(_("name"), max_length=30)
    name_en = models.CharField(_("English name"), max_length=50)
    group = models.CharField(_("group"), max_length=12, choices=CategoryGroup.choices)
    icon = models.CharField(_("icon"), max_length=8, blank=True)
    time_limit = models.ForeignKey(
        TimeLimit, verbose_name=_("time limit"), on_delete=models.PROTECT, related_name="+"
    )
    first_tier = models.CharField(
        _("first tier"),
        max_length=10,
        choices=Tier.choices,
        default=Tier.VILLAGE,
        help_text=_("The tier a new request of this category is dispatched to"),
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["sort_order", "code"]

    def __str__(self) -> str:
        return self.name


class DispatchRule(models.Model):
    """One line of the dispatch catalogue: in this county, (category, tier) → unit.

    With no unit, the tier's own unit of the case's location owns it: the
    village committee for the village tier, the township for the township tier.
    """

    county = models.ForeignKey(
        "places.Division", verbose_name=_("county"), on_delete=models.PROTECT, db_constraint=False
    )
    category = models.ForeignKey(Category, verbose_name=_("category"), on_delete=models.CASCADE)
    tier = models.CharField(_("tier"), max_length=10, choices=Tier.choices)
    unit = models.ForeignKey(
        "people.Unit",
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="dispatch_rules",
    )

    class Meta:
        verbose_name = _("dispatch catalogue entry")
        verbose_name_plural = _("dispatch catalogue")
        constraints = [
            models.UniqueConstraint(
                fields=["county", "category", "tier"], name="dispatch_rule_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.category} / {self.get_tier_display()} → {self.unit or '—'}"
