"""GeoReport v2 times: ISO 8601 in local time with its offset."""

from __future__ import annotations

from datetime import datetime, tzinfo

from django.utils import timezone


def when(moment: datetime | None, zone: tzinfo | None = None) -> str | None:
    """ISO 8601 in local time with its offset, as the spec requires.

    Pass ``zone`` (``timezone.get_current_timezone()``) when formatting many: looking it
    up per value was a fifth of a 1,000-request answer.
    """
    if moment is None:
        return None
    return moment.astimezone(zone or timezone.get_current_timezone()).isoformat(timespec="seconds")
