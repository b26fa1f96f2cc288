"""Set-up: the only place units of divisions are created."""

from __future__ import annotations

from django.db import transaction

from jiceng.people.models import Unit, UnitKind
from jiceng.people.units.naming import KIND_OF_LEVEL, default_name
from jiceng.places.codes import code_range
from jiceng.places.models import Division


def ensure_unit(division: Division, kind: str | None = None, *, active: bool | None = None) -> Unit:
    """The division's own unit (or its dispatch centre), created if it is missing.

    A new dispatch centre starts closed, as in :func:`ensure_units`: it takes no requests
    until the county is onboarded. ``active=True`` opens a new one at once (the demo and
    test counties, staffed as they are made); an existing unit is returned unchanged.
    """
    kind = kind or KIND_OF_LEVEL[division.level]
    opened = kind != UnitKind.DISPATCH if active is None else active
    unit, _created = Unit.objects.get_or_create(
        division=division,
        kind=kind,
        slug="",
        defaults={"name": default_name(division, kind), "active": opened},
    )
    return unit


def ensure_units(prefix: str) -> int:
    """Create the missing units under ``prefix``: every county's government and dispatch
    centre, every township's government and every village's committee. Returns how many
    were created; running it again creates none.
    """
    divisions = Division.objects.filter(code_range("code", prefix), level__in=list(KIND_OF_LEVEL))
    wanted = [(d, KIND_OF_LEVEL[d.level]) for d in divisions.order_by("code")]
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
