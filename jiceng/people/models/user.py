"""Users: each belongs to one unit, whose division code is the user's jurisdiction."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.people.models.unit import Unit, UnitKind


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
