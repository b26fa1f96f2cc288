"""The dispatcher sends a submitted request to its responsible unit (派单)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.cases import catalogue, history, rules
from jiceng.cases.models import Case, CaseEvent, EventKind, State
from jiceng.cases.services.clocks import new_owner
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, UnitKind, User


def case_dispatch(*, case: Case, by: User, unit: Unit | None = None) -> CaseEvent:
    """Send a submitted request to its responsible unit (the catalogue's proposal by default)."""
    rules.require(rules.DISPATCH, case=case, by=by)
    target = unit or catalogue.proposed_unit(category=case.category, location_code=case.division_id)
    if not target.active or target.kind == UnitKind.DISPATCH:
        raise InvalidInput(_("Choose an active unit that handles cases."), field="unit")
    if not case.division_id.startswith(target.division_id[:6]):
        raise InvalidInput(_("That unit is in another county."), field="unit")
    at = clock.now()
    changes = new_owner(case, target, at)
    event = history.append(
        case,
        kind=EventKind.DISPATCH,
        at=at,
        by=by,
        to_state=State.DISPATCHED,
        unit=target,
        respond_by=changes["respond_by"],  # type: ignore[arg-type]
        data={"proposed": unit is None},
        changes=changes,
    )
    case.owner = target
    return event
