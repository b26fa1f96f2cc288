"""Units: the organisations that own cases, and where each kind sits on the ladder."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class UnitKind(models.TextChoices):
    VILLAGE = "village", _("Village committee")
    TOWNSHIP = "township", _("Township")
    DEPARTMENT = "department", _("County department")
    DISPATCH = "dispatch", _("Dispatch centre")
    COUNTY = "county", _("County government")


# Where each kind of unit sits on the ladder village → township → county.
TIER_OF_KIND: dict[str, str] = {
    UnitKind.VILLAGE: "village",
    UnitKind.TOWNSHIP: "township",
    UnitKind.DEPARTMENT: "county",
    UnitKind.DISPATCH: "county",
    UnitKind.COUNTY: "county",
}


class Unit(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=UnitKind.choices)
    name = models.CharField(_("name"), max_length=100)
    division = models.ForeignKey(
        "places.Division",
        verbose_name=_("division"),
        on_delete=models.PROTECT,
        related_name="units",
        db_constraint=False,
    )
    slug = models.SlugField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Identifies a department inside its county, e.g. water"),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ["division_id", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["division", "kind", "slug"], name="unit_unique_per_division"
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def tier(self) -> str:
        return TIER_OF_KIND[self.kind]
