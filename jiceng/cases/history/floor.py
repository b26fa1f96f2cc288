"""The earliest time one case's events and ratings can carry, for reads of one case.

Every writer dates a case's events at or after the case's submission: the submit event
(and a quarantine) at ``submitted_at`` itself, an imported old case's (旧账) at the import,
later than the original date its case keeps, every later event at ``clock.now()``; a
rating carries its event's time. Saying so in a read of one case (``at >= floor``) lets
PostgreSQL plan and probe only the month partitions from the submission on
(docs/partitions.md), not every month of the city. ``submitted_at`` is a chained field,
so a moved submission is reported as altered case fields.

The day's margin absorbs a clock stepped back between two writes of a case; partitions
are months, so it costs one more partition at most, on the first day of a month.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet

from jiceng.cases.models import CaseEvent, Rating

MARGIN = timedelta(days=1)


def floor(submitted_at: datetime) -> datetime:
    return submitted_at - MARGIN


def case_events(case_id: int, submitted_at: datetime) -> QuerySet[CaseEvent]:
    """One case's events, read only from the months it can have rows in."""
    return CaseEvent.objects.filter(case_id=case_id, at__gte=floor(submitted_at))


def case_ratings(case_id: int, submitted_at: datetime) -> QuerySet[Rating]:
    """One case's ratings, read only from the months it can have rows in."""
    return Rating.objects.filter(case_id=case_id, at__gte=floor(submitted_at))
