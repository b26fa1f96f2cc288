"""Who may see which households: field work stays inside one village."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.people.models import Household, Role, User

FIELD_ROLES = frozenset({Role.VILLAGE_CADRE, Role.GRID_WORKER})


def field_village(user: User) -> str:
    """The village code of a village cadre or grid worker; NotAllowed for anyone else."""
    code = user.jurisdiction
    if user.role not in FIELD_ROLES or len(code) != 12:
        raise NotAllowed(_("Field work is for village cadres and grid workers."))
    return code


def require_village(user: User, village_code: str) -> None:
    if field_village(user) != village_code:
        raise NotAllowed(_("This household belongs to another village."))


def households_for(user: User) -> QuerySet[Household]:
    """Households of the user's own village; nothing for anyone else."""
    return Household.objects.filter(grid__village_id=field_village(user)).select_related(
        "grid", "grid__village"
    )
