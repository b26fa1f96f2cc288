"""Jiceng's categories and cases in GeoReport v2 terms.

Nothing personal leaves here: no resident name, phone or ID number, and
free text passes through the public board's scrubber first.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from jiceng.api.open311.render import when
from jiceng.cases.models import OPEN_STATES, Case, Category, State, TimeLimit
from jiceng.cases.public import public_description, scrub
from jiceng.cases.services import time_limit_for
from jiceng.core.calendar import HOURS


def notice(limit: TimeLimit) -> str:
    """The resolution time limit in plain words."""
    if limit.resolve_unit == HOURS:
        return _("To be resolved within %(n)d hours.") % {"n": limit.resolve_amount}
    return _("To be resolved within %(n)d working days.") % {"n": limit.resolve_amount}


def service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": f"{category.name_en}. {notice(category.time_limit)}",
        "metadata": False,
        "type": "realtime",
        "keywords": f"{category.name}, {category.name_en}",
        "group": category.get_group_display(),
    }


def definition(category: Category) -> dict[str, Any]:
    # No category asks extra questions yet; the definition says so explicitly.
    return {"service_code": category.code, "attributes": []}


def _name(case: Case) -> str:
    return case.resident.name if case.resident is not None else ""


def _address(case: Case) -> str:
    parts = [scrub(case.address, name=_name(case)), case.division.name]
    if case.division.parent is not None:
        parts.append(case.division.parent.name)
    return " ".join(part for part in parts if part)


def service_request(case: Case) -> dict[str, Any]:
    """One case as a GeoReport request. ``updated_at`` must be annotated on the case."""
    awaiting_review = case.state == State.SUBMITTED
    answered = case.state in (State.RESOLVED, State.CLOSED) and case.answer
    return {
        "service_request_id": case.number,
        "status": "open" if case.state in OPEN_STATES else "closed",
        "status_notes": scrub(case.answer, name=_name(case)) if answered else None,
        "service_name": case.category.name,
        "service_code": case.category_id,
        # Unreviewed text is not published, as on the public board.
        "description": None if awaiting_review else public_description(case)[:4000],
        "agency_responsible": case.owner.name,
        "service_notice": notice(time_limit_for(case)),
        "requested_datetime": when(case.submitted_at),
        "updated_datetime": when(getattr(case, "updated_at", None) or case.submitted_at),
        "expected_datetime": when(case.resolve_by),
        "address": _address(case),
        "address_id": case.division_id,
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }
