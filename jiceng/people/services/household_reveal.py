"""A household's data in clear: only to its grid worker and village cadres, logged."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.errors import NotAllowed
from jiceng.people.models import Household, Resident, Role, User
from jiceng.people.services.reveal import resident_reveal


def may_reveal_household(user: User, household: Household) -> bool:
    """Only the household's grid worker and the cadres of its village see data in clear."""
    village = household.grid.village_id
    if user.role == Role.VILLAGE_CADRE:
        return user.jurisdiction == village
    if user.role == Role.GRID_WORKER:
        return user.jurisdiction == village and household.grid_worker_id == user.pk
    return False


def may_reveal_health_in(user: User, villages: set[str]) -> bool:
    """Whether figures about health marks in these villages are for this user.

    The same people who may reveal a household member's marks: a village's own
    cadres, for their village. A grid worker sees only their own households.
    """
    return user.role == Role.VILLAGE_CADRE and villages <= {user.jurisdiction}


def household_member_reveal(*, resident: Resident, field: str, by: User, reason: str) -> str:
    """Reveal one field of a household member to its grid worker or village cadre, logged."""
    household = resident.household
    if household is None or not may_reveal_household(by, household):
        raise NotAllowed(_("Only this household's grid worker or village cadres may see this."))
    return resident_reveal(resident=resident, field=field, by=by, reason=reason)
