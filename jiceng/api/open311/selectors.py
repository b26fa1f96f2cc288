"""The requests GeoReport v2 publishes: one county's requests (never consultations).

This is the public board's scope; GET needs no key, so only what the board
may show is read here (see ``jiceng.cases.public``).
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Max, QuerySet

from jiceng.cases.models import Case, Kind, State

MAX_REQUESTS = 1000


def public_requests(county: str) -> QuerySet[Case]:
    return (
        Case.objects.filter(kind=Kind.REQUEST, division__code__startswith=county)
        .select_related("category__time_limit", "owner", "division__parent", "resident")
        .annotate(updated_at=Max("events__at"))
    )


def requests_by_number(county: str, numbers: list[str]) -> list[Case]:
    return list(public_requests(county).filter(number__in=numbers).order_by("-submitted_at"))


def search_requests(
    county: str,
    *,
    service_codes: list[str],
    start: datetime,
    end: datetime,
    states: list[str] | None,
) -> list[Case]:
    """Reviewed requests in the window, newest first, at most MAX_REQUESTS."""
    cases = public_requests(county).exclude(state__in=(State.SUBMITTED, State.MERGED))
    cases = cases.filter(submitted_at__gte=start, submitted_at__lte=end)
    if service_codes:
        cases = cases.filter(category_id__in=service_codes)
    if states is not None:
        cases = cases.filter(state__in=states)
    return list(cases.order_by("-submitted_at", "-pk")[:MAX_REQUESTS])
