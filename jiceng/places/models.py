"""Administrative divisions (NBS statistical codes) and the grids under villages."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    PROVINCE = "province", _("Province")
    CITY = "city", _("City")
    COUNTY = "county", _("County")
    TOWNSHIP = "township", _("Township")
    VILLAGE = "village", _("Village")


# Length of the code at each level: 2 province + 2 city + 2 county + 3 township + 3 village.
CODE_LENGTHS: dict[str, int] = {
    Level.PROVINCE: 2,
    Level.CITY: 4,
    Level.COUNTY: 6,
    Level.TOWNSHIP: 9,
    Level.VILLAGE: 12,
}
LEVEL_BY_LENGTH: dict[int, str] = {length: level for level, length in CODE_LENGTHS.items()}


class Division(models.Model):
    """One division. ``code`` is the NBS code trimmed to its level, so a prefix is a scope."""

    code = models.CharField(_("code"), max_length=12, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        db_constraint=False,
    )

    class Meta:
        verbose_name = _("division")
        verbose_name_plural = _("divisions")
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "code"], name="division_level_code")]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class Grid(models.Model):
    """A grid (网格) of about 300 households inside one village."""

    code = models.CharField(_("code"), max_length=15, unique=True)
    name = models.CharField(_("name"), max_length=100)
    village = models.ForeignKey(
        Division, verbose_name=_("village"), on_delete=models.PROTECT, related_name="grids"
    )

    class Meta:
        verbose_name = _("grid")
        verbose_name_plural = _("grids")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"
