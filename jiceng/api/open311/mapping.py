"""Jiceng's cases as GeoReport v2 service requests.

Nothing personal leaves here: no resident name, phone or ID number, and
free text passes through the public board's scrubber first.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import Any

from django.utils import timezone

from jiceng.api import reference
from jiceng.api.open311.categories import notice
from jiceng.api.open311.times import when
from jiceng.cases.models import State
from jiceng.cases.public import UNREVIEWED_STATES, scrub

# Open311 knows two states. Resolved and closed are "closed"; a merged duplicate is too:
# its work goes on under the case it was merged into.
CLOSED_STATES = (State.RESOLVED, State.CLOSED, State.MERGED)


def _address(row: dict[str, Any]) -> str:
    # Only the village and township: the street address the resident typed is private,
    # and this answer needs no key.
    parts = [row["division__name"], row["division__parent__name"]]
    return " ".join(part for part in parts if part)


def service_requests(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows from ``selectors`` as GeoReport requests; the notices are worded once per answer."""
    notices = {code: notice(limit) for code, limit in reference.time_limits().items()}
    zone = timezone.get_current_timezone()
    return [service_request(row, notices, zone) for row in rows]


def service_request(row: dict[str, Any], notices: dict[str, str], zone: tzinfo) -> dict[str, Any]:
    """One case (a ``selectors.COLUMNS`` row) as a GeoReport request."""
    state = row["state"]
    name = row["resident__name"] or ""
    answered = state in (State.RESOLVED, State.CLOSED) and row["answer"]
    limit = reference.limit_code(row["category__time_limit_id"], row["urgency"])
    return {
        "service_request_id": row["number"],
        "status": "closed" if state in CLOSED_STATES else "open",
        "status_notes": scrub(row["answer"], name=name) if answered else None,
        "service_name": row["category__name"],
        "service_code": row["category_id"],
        # Unreviewed text is not published, as on the public board.
        "description": None
        if state in UNREVIEWED_STATES
        else scrub(row["description"], name=name)[:4000],
        "agency_responsible": row["owner__name"],
        "service_notice": notices.get(limit),
        "requested_datetime": when(row["submitted_at"], zone),
        "updated_datetime": when(row["updated_at"] or row["submitted_at"], zone),
        "expected_datetime": when(row["resolve_by"], zone),
        "address": _address(row),
        "address_id": row["division_id"],
        "zipcode": None,
        "lat": None,
        "long": None,
        "media_url": None,
    }
