"""Intake routing, kept per process.

Every submission needs its village and the county's dispatch centre. Both are reference
data that change only on an import or an admin edit, so each process keeps what it has
looked up; saving or deleting a division or unit in this process forgets it at once (see
apps.py), and the memo's time to live bounds how long another process's edit goes unseen.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.core.memo import memo
from jiceng.people.units.lookups import dispatch_centre
from jiceng.places.models import Division, Level

ROUTE_SECONDS = 300.0


def intake_route(code: str) -> tuple[Division, int] | None:
    """The village with this code and its county's dispatch centre id; None if no such village.

    InvalidInput if the village's county has no dispatch centre.
    """
    route = village_route(code)
    if route is None:
        return None
    name, parent_id, centre_id = route
    return Division(code=code, name=name, level=Level.VILLAGE, parent_id=parent_id), centre_id


# Unknown codes are not kept (keep_none=False): junk input must not fill memory.
@memo("people.intake_routes", seconds=ROUTE_SECONDS, limit=50_000, keep_none=False)
def village_route(code: str) -> tuple[str, str, int] | None:
    """The village's name and parent, and its county's dispatch centre id (kept)."""
    found = (
        Division.objects.filter(code=code, level=Level.VILLAGE)
        .values_list("name", "parent_id")
        .first()
    )
    if found is None:
        return None
    centre = dispatch_centre(code[:6])
    if not centre.active:
        raise InvalidInput(not_onboarded(code[:6]), field="division")
    return found[0], found[1], centre.pk


def not_onboarded(code: str) -> str:
    """Why a county whose units exist but which is not open yet refuses requests."""
    return _(
        "This county does not take requests here yet. Please call the 12345 hotline. (An"
        " administrator opens county %(code)s with: jiceng onboard-county %(code)s"
        " --workbook FILE.xlsx)"
    ) % {"code": code}
