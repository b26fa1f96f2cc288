"""Visits (走访台账): who or where a cadre went, what they found, and what follows.

Deliberately absent: check-ins, GPS, photos, time online, points. A visit
records a finding; the figure reported upward is coverage of vulnerable
households, never a count per cadre.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class PlaceKind(models.TextChoices):
    HOUSEHOLD = "household", _("Household")
    BACK_LANE = "back_lane", _("Back lane")
    WORKSHOP = "workshop", _("Workshop")
    FIELD = "field", _("Field")
    COMMUNITY = "community", _("Community")


class Visit(models.Model):
    by = models.ForeignKey(
        "people.User", verbose_name=_("by"), on_delete=models.PROTECT, related_name="visits"
    )
    village = models.ForeignKey(
        "places.Division",
        verbose_name=_("village"),
        on_delete=models.PROTECT,
        related_name="visits",
        db_constraint=False,
    )
    place_kind = models.CharField(_("where"), max_length=12, choices=PlaceKind.choices)
    household = models.ForeignKey(
        "people.Household",
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="visits",
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    finding = models.TextField(_("finding"))
    visited_on = models.DateField(_("visited on"))
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done_at = models.DateTimeField(_("follow-up done at"), null=True, blank=True)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Burden measure: fields the cadre typed against fields the system filled in.
    typed_fields = models.PositiveSmallIntegerField(_("typed fields"), default=0)
    prefilled_fields = models.PositiveSmallIntegerField(_("prefilled fields"), default=0)
    created_at = models.DateTimeField(_("created at"))

    class Meta:
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        ordering = ["-visited_on", "-id"]
        indexes = [
            models.Index(fields=["household", "visited_on"], name="visit_household_day"),
            models.Index(fields=["village", "visited_on"], name="visit_village_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_place_kind_display()} {self.visited_on}"
