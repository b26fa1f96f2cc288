"""A new case checked, encrypted and timed before it is written, then written."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases import search
from jiceng.cases.models import Case, Category, Channel, State, Urgency
from jiceng.cases.services.cleaning import MAX_DESCRIPTION, clean_phone, clean_text
from jiceng.cases.services.clocks import deadlines_from
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.core.inserts import insert_row
from jiceng.people.models import Resident
from jiceng.people.units import intake_route
from jiceng.places.models import Division


def village_and_centre(code: str) -> tuple[Division, int]:
    """The village and its county's dispatch centre (cached: intake is the hot path)."""
    route = intake_route(code) if code else None
    if route is None:
        raise InvalidInput(
            _("Location must be a village or community (12-digit division code)."), field="division"
        )
    return route


def prepare_case(
    *,
    kind: str,
    category: Category,
    title: str,
    description: str,
    division_code: str,
    address: str,
    contact_name: str,
    contact_phone: str,
    channel: str,
    urgency: str,
) -> Case:
    """A new case and its resident, checked, encrypted and timed, but not yet written.

    Everything here is done before the transaction opens: on SQLite writers take turns,
    and a turn should be spent writing, not validating or encrypting.
    """
    if not category.active:
        raise InvalidInput(_("This category is no longer in use."), field="category")
    if channel not in Channel.values:
        raise InvalidInput(_("Unknown channel."), field="channel")
    if urgency not in Urgency.values:
        raise InvalidInput(_("Urgency must be normal or emergency."), field="urgency")
    description = clean_text(description, "description", max_length=MAX_DESCRIPTION)
    title = clean_text(title, "title", max_length=100, required=False) or description[:30]
    address = clean_text(address, "address", max_length=200, required=False)
    name = clean_text(contact_name, "name", max_length=50, required=False)
    phone = clean_phone(contact_phone)
    division, centre = village_and_centre(division_code)
    at = clock.now()
    resident = Resident(name=name)
    resident.set_phone(phone)
    case = Case(
        kind=kind,
        state=State.SUBMITTED,
        category=category,
        urgency=urgency,
        channel=channel,
        title=title,
        description=description,
        division=division,
        address=address,
        resident=resident,
        owner_id=centre,
        submitted_at=at,
        owner_since=at,
    )
    deadlines = deadlines_from(case, at)
    case.respond_by, case.resolve_by = deadlines["respond_by"], deadlines["resolve_by"]
    return case


def insert_case(case: Case) -> Case:
    """Write a prepared case, its resident and its search row (inside the caller's transaction)."""
    resident = case.resident
    assert resident is not None
    insert_row(resident)
    case.resident = resident  # sets resident_id and keeps the instance (no reload)
    insert_row(case)
    search.index_case(case)
    return case


def number_for(case: Case) -> str:
    """Read aloud on the phone: the local date, then the row id. Written with the first event."""
    return f"{timezone.localtime(case.submitted_at):%y%m%d}{case.pk:06d}"
