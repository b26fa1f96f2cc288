"""The periodic sweep: automatic escalation, reminders and closing unrated cases.

Safe to run from several workers at once: every change is a versioned
transition, so a case another worker (or a cadre) touched first is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _

from jiceng.cases.models import Case, CaseEvent, EventKind, Kind, State
from jiceng.cases.services.close_unrated import case_close_unrated
from jiceng.cases.services.escalation import case_escalate
from jiceng.cases.services.flag import case_flag
from jiceng.cases.services.system import case_remind
from jiceng.core import clock
from jiceng.core.errors import Conflict
from jiceng.people.models import UnitKind

log = logging.getLogger(__name__)
# The dispatch centre is reminded once this share of a waiting request's response window has
# gone by, so that it can still dispatch in time.
REMIND_AT = 0.8


@dataclass
class SweepReport:
    escalated: list[str] = field(default_factory=list)
    reminded: list[str] = field(default_factory=list)
    flagged: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    overdue_at_top: list[str] = field(default_factory=list)
    skipped: int = 0

    def summary(self) -> str:
        return _(
            "escalated %(e)d, reminded %(r)d, flagged to leaders %(f)d, closed unrated %(c)d, "
            "overdue at the top tier %(t)d, skipped (changed meanwhile) %(s)d"
        ) % {
            "e": len(self.escalated),
            "r": len(self.reminded),
            "f": len(self.flagged),
            "c": len(self.closed),
            "t": len(self.overdue_at_top),
            "s": self.skipped,
        }


def _each(
    cases: QuerySet[Case], action: Callable[[Case], object], report: SweepReport
) -> list[str]:
    done: list[str] = []
    for case in cases.select_related("category__time_limit", "owner").iterator(chunk_size=500):
        try:
            action(case)
        except Conflict:
            report.skipped += 1
        else:
            done.append(case.number or str(case.pk))
    return done


def _escalate(case: Case) -> None:
    case_escalate(case=case, by=None, reason=_("The resolution deadline passed."))


def _waiting(now: datetime) -> QuerySet[Case]:
    """Requests waiting for dispatch at a centre, with their response clock running."""
    return Case.objects.filter(
        state=State.SUBMITTED, kind=Kind.REQUEST, respond_by__isnull=False
    ).filter(Q(reminded_at__isnull=True) | Q(reminded_at__lt=F("owner_since")))


def _dispatch_soon_due(now: datetime) -> list[int]:
    """Waiting requests past REMIND_AT of their response window and not yet due.

    Few requests wait at once (they are the centre's own queue), so the share of the
    window is worked out here rather than in each database's date arithmetic.
    """
    rows = _waiting(now).filter(respond_by__gt=now).values_list("pk", "owner_since", "respond_by")
    return [
        pk
        for pk, since, due in rows.iterator(chunk_size=500)
        if due is not None and now >= since + (due - since) * REMIND_AT
    ]


def _waiting_too_long() -> QuerySet[Case]:
    """Waiting requests past their response deadline that the leaders were not told of yet."""
    told = CaseEvent.objects.filter(
        case_id=OuterRef("pk"), kind=EventKind.FLAG, at__gte=OuterRef("owner_since")
    )
    late = Case.objects.filter(state=State.SUBMITTED, kind=Kind.REQUEST, respond_by__lt=clock.now())
    return late.filter(~Exists(told))


def sweep() -> SweepReport:
    now = clock.now()
    report = SweepReport()
    overdue = Case.objects.filter(state__in=[State.DISPATCHED, State.ACCEPTED], resolve_by__lt=now)
    # County units have nobody above them: their overdue cases stay visible as overdue.
    top = Q(owner__kind__in=[UnitKind.DEPARTMENT, UnitKind.COUNTY])
    report.overdue_at_top = [n or "" for n in overdue.filter(top).values_list("number", flat=True)]
    report.escalated = _each(overdue.exclude(top), _escalate, report)
    late = Case.objects.filter(state=State.DISPATCHED, respond_by__lt=now).filter(
        Q(reminded_at__isnull=True) | Q(reminded_at__lt=F("owner_since"))
    )
    report.reminded = _each(late, lambda c: case_remind(case=c), report)
    report.reminded += _each(
        Case.objects.filter(pk__in=_dispatch_soon_due(now)),
        lambda c: case_remind(case=c),
        report,
    )
    report.flagged = _each(_waiting_too_long(), lambda c: case_flag(case=c), report)
    window = timedelta(days=settings.JICENG_RATING_WINDOW_DAYS)
    unrated = Case.objects.filter(state=State.RESOLVED, resolved_at__lt=now - window)
    report.closed = _each(unrated, lambda c: case_close_unrated(case=c), report)
    log.info("sweep: %s", report.summary())
    return report
