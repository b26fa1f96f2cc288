"""Units, users and residents.

A **unit** is an organisation that can own cases: a village committee, a
township government, a county department or the county dispatch centre.
A **user** belongs to one unit, whose division code is the user's jurisdiction.
"""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core import crypto
from jiceng.core.fields import EncryptedTextField, MaskedCopyField
from jiceng.people import health as health_marks


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


class Role(models.TextChoices):
    RESIDENT = "resident", _("Resident")
    GRID_WORKER = "grid_worker", _("Grid worker")
    VILLAGE_CADRE = "village_cadre", _("Village cadre")
    TOWNSHIP_STAFF = "township_staff", _("Township staff")
    DISPATCHER = "dispatcher", _("Dispatcher")
    DEPARTMENT_STAFF = "department_staff", _("Department staff")
    LEADER = "leader", _("Leader")
    ADMIN = "admin", _("Administrator")
    # Manages one county's staff, dispatch catalogue and grids (jiceng.onboarding); no cases.
    COUNTY_ADMIN = "county_admin", _("County administrator")


# The unit kind each staff role must belong to.
UNIT_KIND_OF_ROLE: dict[str, str] = {
    Role.GRID_WORKER: UnitKind.VILLAGE,
    Role.VILLAGE_CADRE: UnitKind.VILLAGE,
    Role.TOWNSHIP_STAFF: UnitKind.TOWNSHIP,
    Role.DISPATCHER: UnitKind.DISPATCH,
    Role.DEPARTMENT_STAFF: UnitKind.DEPARTMENT,
    Role.COUNTY_ADMIN: UnitKind.COUNTY,
}


class User(AbstractUser):
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.RESIDENT)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def jurisdiction(self) -> str:
        """The division-code prefix this user may see; "" (everywhere) for admins only."""
        if self.unit_id is None:
            return "" if self.role == Role.ADMIN or self.is_superuser else "-"
        assert self.unit is not None
        return self.unit.division_id


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
    dibao = models.BooleanField(_("minimum living allowance (低保) family"), default=False)

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["grid_id", "id"]

    def __str__(self) -> str:
        return self.address


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


class AccessLog(models.Model):
    """One look at a person's data in clear: who, when, which field, why. Never edited."""

    user = models.ForeignKey(
        User, verbose_name=_("user"), on_delete=models.PROTECT, related_name="+"
    )
    resident = models.ForeignKey(
        Resident, verbose_name=_("resident"), on_delete=models.PROTECT, related_name="access_log"
    )
    field = models.CharField(_("field"), max_length=20)
    reason = models.CharField(_("reason"), max_length=200)
    case = models.ForeignKey(
        "cases.Case",
        verbose_name=_("case"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    at = models.DateTimeField(_("at"))

    class Meta:
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        ordering = ["-at"]
        indexes = [models.Index(fields=["at"], name="access_log_at")]

    def __str__(self) -> str:
        return f"{self.user_id} {self.field} {self.at:%Y-%m-%d %H:%M}"
