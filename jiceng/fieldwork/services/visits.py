"""Recording visits and closing their follow-ups."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.cases.models import Category, Urgency
from jiceng.core import clock
from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.fieldwork.models import PlaceKind, Visit
from jiceng.fieldwork.scope import field_village, require_village
from jiceng.fieldwork.services.burden import burden
from jiceng.fieldwork.services.visit_case import case_from_visit
from jiceng.people.models import Household, Role, User

MAX_FINDING = 2000


def _where(by: User, place_kind: str, household: Household | None, place: str) -> tuple[str, str]:
    """The village code and the address of the visit, checked against the cadre's village."""
    if place_kind not in PlaceKind.values:
        raise InvalidInput(_("Choose a household or a kind of place."), field="place_kind")
    if place_kind == PlaceKind.HOUSEHOLD:
        if household is None:
            raise InvalidInput(_("Choose the household you visited."), field="household")
        require_village(by, household.grid.village_id)
        return household.grid.village_id, household.address
    place = (place or "").strip()
    if not place:
        raise InvalidInput(_("Say where you were, e.g. the lane or workshop name."), field="place")
    if len(place) > 200:
        raise InvalidInput(_("Place must be at most 200 characters."), field="place")
    return field_village(by), place


def _clean_finding(finding: str) -> str:
    finding = (finding or "").strip()
    if not finding:
        raise InvalidInput(_("Write what you found."), field="finding")
    if len(finding) > MAX_FINDING:
        raise InvalidInput(
            _("Finding must be at most %(n)d characters.") % {"n": MAX_FINDING}, field="finding"
        )
    return finding


def visit_record(
    *,
    by: User,
    place_kind: str,
    finding: str,
    household: Household | None = None,
    place: str = "",
    follow_up_on: date | None = None,
    case_category: Category | None = None,
    contact_phone: str = "",
    urgency: str = Urgency.NORMAL,
) -> Visit:
    """One visit; with ``case_category`` the finding also enters the case system as a request.

    The case takes the village, address, finding and the household's contact from
    the visit. Either both are written or neither is.
    """
    village_code, address = _where(by, place_kind, household, place)
    finding = _clean_finding(finding)
    today = timezone.localdate(clock.now())
    if follow_up_on is not None and follow_up_on < today:
        raise InvalidInput(_("The follow-up date cannot be in the past."), field="follow_up_on")
    with transaction.atomic():
        case, contact_prefilled = None, False
        if case_category is not None:
            case, contact_prefilled = case_from_visit(
                by=by,
                category=case_category,
                finding=finding,
                village_code=village_code,
                address=address,
                household=household,
                contact_phone=contact_phone,
                urgency=urgency,
            )
        typed, prefilled = burden(
            household=household,
            follow_up_on=follow_up_on,
            case=case,
            contact_prefilled=contact_prefilled,
            urgency=urgency,
        )
        return Visit.objects.create(
            by=by,
            village_id=village_code,
            place_kind=place_kind,
            household=household if place_kind == PlaceKind.HOUSEHOLD else None,
            place="" if place_kind == PlaceKind.HOUSEHOLD else address,
            finding=finding,
            visited_on=today,
            follow_up_on=follow_up_on,
            case=case,
            typed_fields=typed,
            prefilled_fields=prefilled,
            created_at=clock.now(),
        )


def visit_follow_up_done(*, visit: Visit, by: User) -> Visit:
    """The follow-up happened; the visit leaves the open follow-up list."""
    require_village(by, visit.village_id)
    if visit.follow_up_on is None:
        raise InvalidInput(_("This visit has no follow-up."), field="follow_up_on")
    if visit.by_id != by.pk and by.role != Role.VILLAGE_CADRE:
        raise NotAllowed(_("Only the visitor or a village cadre can close this follow-up."))
    visit.follow_up_done_at = clock.now()
    visit.save(update_fields=["follow_up_done_at"])
    return visit
