"""Households, as the village office numbers them (户号)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Household(models.Model):
    grid = models.ForeignKey(
        "places.Grid", verbose_name=_("grid"), on_delete=models.PROTECT, related_name="households"
    )
    address = models.CharField(_("address"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # The village office's own household number (户号): the key for Excel re-imports.
    number = models.CharField(_("household number"), max_length=30, blank=True, db_index=True)
    grid_worker = models.ForeignKey(
        "people.User",
        verbose_name=_("grid worker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="households",
    )
    dibao = models.BooleanField(_("minimum living allowance family"), default=False)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["grid_id", "id"]

    def __str__(self) -> str:
        return self.address
