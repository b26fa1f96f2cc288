"""Revealing personal data: always for a reason, always logged."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people import health
from jiceng.people.models import AccessLog, Household, Resident, Role, User

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


PURGED_FIELDS = ("name", "phone", "id_number", "health_note", "note")


def residents_purge_moved_away(*, years: int, today: date | None = None) -> int:
    """Erase the personal data of people who moved away more than ``years`` years ago.

    The row stays (the access log points at it); only the sensitive text goes.
    Returns how many people were purged; running it twice purges nobody new.
    """
    if years < 1:
        raise InvalidInput(_("Keep data for at least one year."), field="years")
    today = today or clock.now().date()
    try:
        cutoff = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        cutoff = today.replace(year=today.year - years, day=28)
    due = Resident.objects.filter(moved_away_on__lte=cutoff, purged_at__isnull=True)
    count = 0
    with transaction.atomic():
        for person in due.select_for_update():
            for name in PURGED_FIELDS:
                setattr(person, name, "")
            person.health = health.NONE
            person.phone_index = person.phone_last4 = ""
            person.purged_at = clock.now()
            person.save()
            count += 1
    return count
