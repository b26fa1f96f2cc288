"""What a clock is (a handover with a response deadline) and what answers it."""

from __future__ import annotations

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

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


def first_response_at() -> Subquery:
    """For a clock (the outer event row): when the case was first answered after it."""
    return Subquery(
        CaseEvent.objects.filter(
            case_id=OuterRef("case_id"), kind__in=RESPONSES, seq__gt=OuterRef("seq")
        )
        .order_by("seq")
        .values("at")[:1]
    )


def answered_in_time() -> Q:
    """On clocks annotated with ``answered_at``: the first response came by the deadline."""
    return Q(answered_at__lte=F("respond_by"))


def clocks() -> QuerySet[CaseEvent]:
    """Every clock: an event handing the case to a unit with a response deadline."""
    handovers = CaseEvent.objects.filter(kind__in=HANDOVERS)
    return handovers.filter(respond_by__isnull=False, unit__isnull=False).annotate(
        answered_at=first_response_at()
    )
