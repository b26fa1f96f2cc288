"""Revealing personal data (always for a reason, always logged); the second factor."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

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


# --- second factor (TOTP) for administrators and leaders -------------------------------------


def needs_second_factor(user: User) -> bool:
    """Administrators and leaders see the whole county: a stolen password must not be enough."""
    return bool(user.is_superuser or user.role in (Role.ADMIN, Role.LEADER))


def second_factor_enrol(*, user: User, key: str, token: str) -> TOTPDevice:
    """Keep ``key`` as the user's authenticator once ``token`` proves the app holds it."""
    from django_otp.oath import TOTP

    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        raise NotAllowed(_("An authenticator is already set up for this account."))
    try:
        totp = TOTP(bytes.fromhex(key))
    except ValueError:
        raise InvalidInput(_("The setup expired; start again."), field="key") from None
    if not token.strip().isdigit() or not totp.verify(int(token), tolerance=1):
        raise InvalidInput(_("The code is wrong or expired; enter the current one."), field="token")
    with transaction.atomic():
        # last_t stops the code just used from being accepted again at the next step.
        return TOTPDevice.objects.create(
            user=user, name="authenticator", key=key, confirmed=True, last_t=totp.t()
        )


def second_factor_verify(*, user: User, token: str) -> TOTPDevice:
    """The user's confirmed authenticator if ``token`` is its current code (throttled)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        raise NotAllowed(_("No authenticator is set up for this account."))
    with transaction.atomic():
        # verify_token counts failures on the device and slows down guessing; the count
        # must commit, so the refusal is raised outside the transaction.
        verified = device.verify_token(token.strip())
    if not verified:
        raise InvalidInput(_("The code is wrong or expired; enter the current one."), field="token")
    return device


def access_log_prune(*, older_than: timedelta) -> int:
    """Delete access-log rows older than ``older_than`` (the retention rule); how many.

    Rows are never edited; past the retention period they are deleted whole, oldest first,
    so the log is always a complete record of its period.
    """
    if older_than < timedelta(days=180):
        raise ValueError("the access log is kept at least 180 days")
    deleted, _counts = AccessLog.objects.filter(at__lt=clock.now() - older_than).delete()
    return deleted
