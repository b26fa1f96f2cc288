"""吹哨报到: a township summons county departments onto a case, each for its own part.

Each summons has its own clock: the department reports (报到) within one working day
and finishes its part within the days the township gave. The case keeps its one owner;
each summons is also written to the case's history as an internal note, so the hash
chain holds who was called in. A summoned department sees its summonses (the part and
the case's title) on its own list, not the whole case unless its remit covers it.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.campaigns.models import Summons
from jiceng.cases import services as case_services
from jiceng.cases.models import OPEN_STATES, Case
from jiceng.cases.permissions import can_see
from jiceng.core import calendar, clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import Role, Unit, UnitKind, User

REPORT_DAYS = 1
MAX_DAYS = 30


@transaction.atomic
def summons_create(*, case: Case, by: User, unit: Unit, part: str, days: int) -> Summons:
    if by.role != Role.TOWNSHIP_STAFF or not can_see(by, case):
        raise NotAllowed(_("Only the case's township blows the whistle."))
    if case.state not in OPEN_STATES:
        raise InvalidInput(_("Only an open case can be summoned onto."))
    if unit.kind != UnitKind.DEPARTMENT or not unit.division_id.startswith(case.division_id[:6]):
        raise InvalidInput(_("Summon a department of the case's county."), field="unit")
    part = " ".join(part.split())
    if not part or len(part) > 300:
        raise InvalidInput(
            _("Say in at most 300 characters what the department must do."), field="part"
        )
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(_("Give between 1 and 30 working days."), field="days")
    now = clock.now()
    summons = Summons.objects.create(
        case=case,
        unit=unit,
        part=part,
        summoned_by=by,
        summoned_at=now,
        report_by=calendar.add_working_days(now, REPORT_DAYS),
        done_by=calendar.add_working_days(now, days),
    )
    note = _("Summoned %(unit)s: %(part)s") % {"unit": unit.name, "part": part}
    case_services.case_note(case=case, by=by, note=note)
    return summons


def _for_unit(summons: Summons, by: User) -> None:
    if by.unit_id != summons.unit_id:
        raise NotAllowed(_("Only the summoned department answers its summons."))


@transaction.atomic
def summons_report(*, summons: Summons, by: User) -> Summons:
    """报到: the department takes up its part."""
    _for_unit(summons, by)
    if summons.reported_at is None:
        summons.reported_at = clock.now()
        summons.save(update_fields=["reported_at"])
    return summons


@transaction.atomic
def summons_done(*, summons: Summons, by: User, result: str) -> Summons:
    _for_unit(summons, by)
    result = " ".join(result.split())
    if not result or len(result) > 500:
        raise InvalidInput(_("Say in at most 500 characters what was done."), field="result")
    if summons.done_at is not None:
        raise InvalidInput(_("This part is already done."))
    now = clock.now()
    summons.reported_at = summons.reported_at or now
    summons.done_at, summons.result = now, result
    summons.save(update_fields=["reported_at", "done_at", "result"])
    return summons
