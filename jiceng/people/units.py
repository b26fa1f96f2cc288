"""The unit that stands for a division: created at set-up, only looked up afterwards.

Units are created when a deployment is set up: ``jiceng setup-units CODE``
(:func:`ensure_units`), the demo, a hand-added division in the admin, or an API key
created for a jurisdiction (:func:`ensure_unit`). Pages, submissions and transitions
only look units up, and a missing one is an error that says how to set it up.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.core.memo import memo
from jiceng.people.models import Unit, UnitKind
from jiceng.places.codes import code_range
from jiceng.places.models import LEVEL_BY_LENGTH, Division, Level

_KIND_OF_LEVEL: dict[str, str] = {
    Level.VILLAGE: UnitKind.VILLAGE,
    Level.TOWNSHIP: UnitKind.TOWNSHIP,
    Level.COUNTY: UnitKind.COUNTY,
}


def default_name(division: Division, kind: str) -> str:
    # Unit names are data, written once in the deployment's language, never translated later.
    if kind == UnitKind.DISPATCH:
        return f"{division.name}12345热线受理中心"
    if kind == UnitKind.TOWNSHIP:
        suffix = "办事处" if division.name.endswith("街道") else "人民政府"
        return f"{division.name}{suffix}"
    if kind == UnitKind.COUNTY:
        return f"{division.name}人民政府"
    return division.name


# --- set-up: the only place units of divisions are created --------------------------------


def ensure_unit(division: Division, kind: str | None = None) -> Unit:
    """The division's own unit (or its dispatch centre), created if it is missing."""
    kind = kind or _KIND_OF_LEVEL[division.level]
    unit, _created = Unit.objects.get_or_create(
        division=division, kind=kind, slug="", defaults={"name": default_name(division, kind)}
    )
    return unit


def ensure_units(prefix: str) -> int:
    """Create the missing units under ``prefix``: every county's government and dispatch
    centre, every township's government and every village's committee. Returns how many
    were created; running it again creates none.
    """
    divisions = Division.objects.filter(code_range("code", prefix), level__in=list(_KIND_OF_LEVEL))
    wanted = [(d, _KIND_OF_LEVEL[d.level]) for d in divisions.order_by("code")]
    wanted += [(d, UnitKind.DISPATCH) for d, kind in wanted if kind == UnitKind.COUNTY]
    existing = set(
        Unit.objects.filter(code_range("division_id", prefix), slug="").values_list(
            "division_id", "kind"
        )
    )
    # A new dispatch centre takes no requests until the county is onboarded (it has staff).
    missing = [
        Unit(
            division=d,
            kind=kind,
            slug="",
            name=default_name(d, kind),
            active=kind != UnitKind.DISPATCH,
        )
        for d, kind in wanted
        if (d.code, kind) not in existing
    ]
    with transaction.atomic():
        Unit.objects.bulk_create(missing, batch_size=2000)
    return len(missing)


# --- lookups: pure reads ---------------------------------------------------------------------


def unit_for_division(division: Division, kind: str | None = None) -> Unit | None:
    """The division's own unit (village committee, township or county government), if set up."""
    return unit_for_code(division.code, kind or _KIND_OF_LEVEL[division.level])


def unit_for_code(code: str, kind: str | None = None) -> Unit | None:
    """Like :func:`unit_for_division` from a code alone, in one query; None if there is none."""
    kind = kind or _KIND_OF_LEVEL.get(LEVEL_BY_LENGTH.get(len(code), ""), "")
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


# --- intake routing, kept per process -------------------------------------------------------
# Every submission needs its village and the county's dispatch centre. Both are reference
# data that change only on an import or an admin edit, so each process keeps what it has
# looked up; saving or deleting a division or unit in this process forgets it at once (see
# apps.py), and the memo's time to live bounds how long another process's edit goes unseen.
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
