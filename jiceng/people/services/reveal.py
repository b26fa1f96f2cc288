"""Revealing personal data: always for a reason, always logged, only to whom it is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people import health
from jiceng.people.models import AccessLog, Household, Resident, Role, User

if TYPE_CHECKING:
    from jiceng.cases.models import Case

REVEALABLE = ("name", "phone", "id_number", "health", "health_note", "note")


def resident_reveal(
    *, resident: Resident, field: str, by: User, reason: str, case: object | None = None
) -> str:
    """Return one field in clear and log who saw it, when and why.

    The caller has already checked that ``by`` may see it (e.g. owns the case).
    """
    if field not in REVEALABLE:
        raise InvalidInput(_("Unknown personal field."), field="field")
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Give a reason for viewing personal data."), field="reason")
    AccessLog.objects.create(
        user=by,
        resident=resident,
        field=field,
        reason=reason[:200],
        case_id=getattr(case, "pk", None),
        at=clock.now(),
    )
    if field == "health":
        return health.describe(resident.health)
    return str(getattr(resident, field))


# The access log's field for a case's own text (title, description, address) seen in clear.
CASE_TEXT = "case_text"


def case_text_reveal(*, case: Case, by: User, reason: str) -> None:
    """Log that ``by`` sees the case's text as typed, numbers and names unmasked.

    Residents type phone numbers and names into their requests; those are personal
    data like the contact fields, so seeing them in clear is logged the same way. The
    caller has already checked that ``by`` may see it (the owning unit).
    """
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput(_("Give a reason for viewing personal data."), field="reason")
    if case.resident_id is None:
        raise NotAllowed(_("This request has no resident whose data could be revealed."))
    AccessLog.objects.create(
        user=by,
        resident_id=case.resident_id,
        field=CASE_TEXT,
        reason=reason[:200],
        case_id=case.pk,
        at=clock.now(),
    )


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
