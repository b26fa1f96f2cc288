"""Intake routing, kept per process.

Every submission needs its village and the county's dispatch centre. Both are reference
data that change only on an import or an admin edit, so each process keeps what it has
looked up; saving or deleting a division or unit in this process forgets it at once (see
apps.py), and the memo's time to live bounds how long another process's edit goes unseen.
"""

from __future__ import annotations

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
    return found[0], found[1], dispatch_centre(code[:6]).pk
