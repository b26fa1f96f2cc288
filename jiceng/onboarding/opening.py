"""Opening a county for requests: its dispatch centre activated once it has a dispatcher."""

from __future__ import annotations

from jiceng.people.models import Role, UnitKind
from jiceng.people.units import unit_for_code
from jiceng.places.models import Division


def open_county(county: Division) -> bool:
    """Activate the county's dispatch centre once it has an active dispatcher."""
    centre = unit_for_code(county.code, UnitKind.DISPATCH)
    assert centre is not None  # ensure_units made it
    staffed = centre.members.filter(role=Role.DISPATCHER, is_active=True).exists()
    if staffed and not centre.active:
        centre.active = True
        centre.save(update_fields=["active"])  # the save forgets the intake routes
    return centre.active
