"""Residents: name, phone, ID number and health data encrypted."""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core import crypto
from jiceng.core.fields import EncryptedTextField, MaskedCopyField
from jiceng.people import health as health_marks
from jiceng.people.models.household import Household


class Resident(models.Model):
    """A person. Name, phone, ID number and health data are encrypted.

    The phone has a blind index for lookups; health marks have none (see jiceng.people.health).
    """

    household = models.ForeignKey(
        Household,
        verbose_name=_("household"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    name = EncryptedTextField(_("name"), blank=True, default="")
    phone = EncryptedTextField(_("phone"), blank=True, default="")
    id_number = EncryptedTextField(_("ID number"), blank=True, default="")
    phone_index = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone_last4 = models.CharField(max_length=4, blank=True, editable=False)
    name_masked = MaskedCopyField(_("name, masked"), source="name", mask="name")
    phone_masked = MaskedCopyField(_("phone, masked"), source="phone", mask="phone")
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    is_household_head = models.BooleanField(_("household head"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # Attributes field work needs. Social marks stay plain so coverage and policy
    # matching filter on them in SQL; health marks (disability), health details
    # and the free note are encrypted (see jiceng.people.health for why).
    elderly_alone = models.BooleanField(_("elderly living alone"), default=False)
    left_behind_child = models.BooleanField(_("left-behind child"), default=False)
    health = health_marks.HealthFlagsField(_("health marks"))
    extreme_poverty = models.BooleanField(_("extreme poverty support"), default=False)
    veteran = models.BooleanField(_("veteran"), default=False)
    in_school = models.BooleanField(_("in school"), default=False)
    hukou = models.CharField(
        _("registered residence (division code)"), max_length=12, blank=True, db_index=True
    )
    health_note = EncryptedTextField(_("health details"), blank=True, default="")
    note = EncryptedTextField(_("note"), blank=True, default="")
    moved_away_on = models.DateField(_("moved away on"), null=True, blank=True)
    purged_at = models.DateTimeField(_("personal data purged at"), null=True, blank=True)

    class Meta:
        verbose_name = _("resident")
        verbose_name_plural = _("residents")

    def __str__(self) -> str:
        return crypto.mask_name(self.name) or f"#{self.pk}"

    def set_phone(self, phone: str) -> None:
        self.phone = phone
        self.phone_index = crypto.blind_index(phone)
        self.phone_last4 = phone[-4:] if len(phone) >= 4 else ""

    @property
    def disability(self) -> bool:
        return "disability" in self.health

    @disability.setter
    def disability(self, on: bool) -> None:
        self.health = health_marks.with_flag(self.health, "disability", bool(on))

    def age_on(self, day: date) -> int | None:
        if self.birth_date is None:
            return None
        before_birthday = (day.month, day.day) < (self.birth_date.month, self.birth_date.day)
        return day.year - self.birth_date.year - int(before_birthday)
