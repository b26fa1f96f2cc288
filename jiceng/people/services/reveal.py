"""Revealing a resident's personal field: always for a reason, always logged."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people import health
from jiceng.people.models import AccessLog, Resident, User

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
