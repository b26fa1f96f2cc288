"""Who manages a county's set-up: administrators anywhere, a county administrator at home."""

from __future__ import annotations

from jiceng.people.models import Role, User


def may_manage(user: User, county_code: str) -> bool:
    """Administrators may onboard any county; a county administrator only their own."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser or user.role == Role.ADMIN:
        return True
    return user.role == Role.COUNTY_ADMIN and user.jurisdiction == county_code


def managed_county(user: User) -> str:
    """The county a county administrator manages; "" for everyone else."""
    if user.role == Role.COUNTY_ADMIN and len(user.jurisdiction) == 6:
        return user.jurisdiction
    return ""
