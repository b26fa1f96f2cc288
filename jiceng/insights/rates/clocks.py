"""What a clock is (a handover with a response deadline) and what answers it."""

from __future__ import annotations

from datetime import timedelta

from django.db.models import F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from jiceng.cases.models import CaseEvent, EventKind

# The events that hand a case to a unit; each one carrying a ``respond_by`` starts a clock.
# Listed rather than "any kind" so that the (kind, at) index serves the month's range
# (bench/README.md); a new kind of handover with a deadline must be added here.
HANDOVERS = (
    EventKind.DISPATCH,
    EventKind.ESCALATE,
    EventKind.REOPEN,
    EventKind.SUBMIT,
    EventKind.RELEASE,
    EventKind.RETURN,
)
# What answers a clock: the holder took the case on, handed it on, or settled it.
RESPONSES = (
    EventKind.ACCEPT,
    EventKind.ESCALATE,
    EventKind.RETURN,
    EventKind.DISPATCH,
    EventKind.MERGE,
    EventKind.RESOLVE,
    EventKind.ANSWER,
)


# Where the first response is looked for first: events are stamped as they happen, so a
# case's answer to a clock lies at or after the clock's moment (SKEW allows for servers'
# clocks disagreeing), nearly always within NEAR of it. Bounding the partition key lets
# PostgreSQL probe the few months of that window, not every month of the history.
SKEW = timedelta(days=1)
NEAR = timedelta(days=62)


def _first_response(*bounds: Q) -> Subquery:
    return Subquery(
        CaseEvent.objects.filter(
            *bounds, case_id=OuterRef("case_id"), kind__in=RESPONSES, seq__gt=OuterRef("seq")
        )
        .order_by("seq")
        .values("at")[:1]
    )


def first_response_at() -> Coalesce:
    """For a clock (the outer event row): when the case was first answered after it.

    The answer within the window near the clock if there is one, else the first one
    anywhere: the same event either way as long as a case's events are stamped in the
    order they happen (to within SKEW). Only a clock answered after NEAR, or never, reads
    the whole history of its case (bench/README.md, "Rollups at city scale").
    """
    clock_at = OuterRef("at")
    near = Q(at__gte=clock_at - SKEW, at__lt=clock_at + NEAR)
    return Coalesce(_first_response(near), _first_response())


def answered_in_time() -> Q:
    """On clocks annotated with ``answered_at``: the first response came by the deadline."""
    return Q(answered_at__lte=F("respond_by"))


def clocks() -> QuerySet[CaseEvent]:
    """Every clock: an event handing the case to a unit with a response deadline."""
    handovers = CaseEvent.objects.filter(kind__in=HANDOVERS)
    return handovers.filter(respond_by__isnull=False, unit__isnull=False).annotate(
        answered_at=first_response_at()
    )
