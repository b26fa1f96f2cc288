"""Which villages' figures a user may see: its own field staff, the township and county above."""

from __future__ import annotations

from django.db.models import QuerySet

from jiceng.fieldwork.scope import FIELD_ROLES
from jiceng.people.models import Role, User
from jiceng.places.models import Division, Level


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
