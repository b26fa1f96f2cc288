"""Looking units up: pure reads; a missing unit is an error that says how to set it up."""

from __future__ import annotations

from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.people.models import Unit, UnitKind
from jiceng.people.units.naming import KIND_OF_LEVEL
from jiceng.places.models import LEVEL_BY_LENGTH, Division


def unit_for_division(division: Division, kind: str | None = None) -> Unit | None:
    """The division's own unit (village committee, township or county government), if set up."""
    return unit_for_code(division.code, kind or KIND_OF_LEVEL[division.level])


def unit_for_code(code: str, kind: str | None = None) -> Unit | None:
    """Like :func:`unit_for_division` from a code alone, in one query; None if there is none."""
    kind = kind or KIND_OF_LEVEL.get(LEVEL_BY_LENGTH.get(len(code), ""), "")
    return Unit.objects.filter(division_id=code, kind=kind, slug="").first()


def dispatch_centre(county: Division | str) -> Unit:
    """The county's dispatch centre; InvalidInput (on the division) if it is not set up."""
    code = county if isinstance(county, str) else county.code
    unit = unit_for_code(code, UnitKind.DISPATCH)
    if unit is None:
        raise InvalidInput(not_set_up(code), field="division")
    return unit


def not_set_up(code: str) -> str:
    return _(
        "Division %(code)s has no unit to handle it yet. An administrator sets it up with"
        " the command: jiceng setup-units %(code)s"
    ) % {"code": code}
