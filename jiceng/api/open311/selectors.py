"""The requests GeoReport v2 publishes, read as plain rows.

Which cases may be published is decided in ``jiceng.cases.public`` (the public
board's rule, one county, never consultations); this module only picks the
columns, and reads them as values: a full answer is 1,000 requests, and
building model instances (and decrypting every resident field) for each was
most of its time.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.db.models import OuterRef, QuerySet, Subquery, Value

from jiceng.cases.history.floor import MARGIN
from jiceng.cases.models import CaseEvent
from jiceng.cases.public import county_requests, listed_requests
from jiceng.core.rows import plain_rows

MAX_REQUESTS = 1000
COLUMNS = (
    "number",
    "state",
    "urgency",
    "category_id",
    "category__name",
    "category__time_limit_id",
    "description",
    "answer",
    "division_id",
    "division__name",
    "division__parent__name",
    "owner__name",
    "submitted_at",
    "resolve_by",
    # Only to remove the resident's name from published text; never published itself.
    "resident__name",
)


def _rows(cases: QuerySet[Any]) -> list[dict[str, Any]]:
    """Newest first, at most MAX_REQUESTS."""
    # The last event's time, from the (case, seq) index: one lookup per row, no GROUP BY,
    # in the months since the case's submission only (history.floor: PostgreSQL prunes
    # the other months' partitions for each row).
    since = OuterRef("submitted_at") - Value(MARGIN)
    last_event = (
        CaseEvent.objects.filter(case_id=OuterRef("pk"), at__gte=since)
        .order_by("-seq")
        .values("at")
    )
    rows = cases.values(*COLUMNS, updated_at=Subquery(last_event[:1]))
    return plain_rows(rows.order_by("-submitted_at", "-pk")[:MAX_REQUESTS])


def requests_by_number(county: str, numbers: list[str]) -> list[dict[str, Any]]:
    return _rows(county_requests(county).filter(number__in=numbers[:MAX_REQUESTS]))


def search_requests(
    county: str,
    *,
    service_codes: list[str],
    start: datetime,
    end: datetime,
    states: list[str] | None,
) -> list[dict[str, Any]]:
    """Reviewed requests in the window, newest first, at most MAX_REQUESTS."""
    cases = listed_requests(county).filter(submitted_at__gte=start, submitted_at__lte=end)
    if service_codes:
        cases = cases.filter(category_id__in=service_codes)
    if states is not None:
        cases = cases.filter(state__in=states)
    return _rows(cases)
