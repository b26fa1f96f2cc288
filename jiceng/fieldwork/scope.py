"""Who may see which households: field work stays inside one village."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.people.models import Household, Role, User
from jiceng.places.models import Division, Level

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


def may_see_village(user: User, village: Division) -> bool:
    """Figures (coverage, outreach progress) for this village: its own staff and above."""
    if user.role == Role.ADMIN or user.is_superuser:
        return True
    if user.role in FIELD_ROLES:
        return user.jurisdiction == village.code
    if user.role in {Role.TOWNSHIP_STAFF, Role.LEADER}:
        prefix = user.jurisdiction
        return bool(prefix) and prefix != "-" and village.code.startswith(prefix)
    return False


def villages_for(user: User) -> QuerySet[Division]:
    villages = Division.objects.filter(level=Level.VILLAGE)
    if user.role == Role.ADMIN or user.is_superuser:
        return villages
    if user.role in FIELD_ROLES:
        return villages.filter(code=user.jurisdiction)
    if user.role in {Role.TOWNSHIP_STAFF, Role.LEADER} and user.jurisdiction not in {"", "-"}:
        return villages.filter(code__startswith=user.jurisdiction)
    return villages.none()
