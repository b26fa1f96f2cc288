"""Why a reopened case (重办) came back, read from the history the case page already loads.

The case's ``answer`` field keeps the old answer after a reopening until the next
resolution overwrites it, so the answer a resident rejected is taken from the
history (the last resolution before the last reopening), never from the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.cases.models import Case, CaseEvent, EventKind, RatingSource, Satisfaction
from jiceng.cases.notes import note_text
from jiceng.people.models import User

# The events whose note is the answer given to the resident.
ANSWERS = (EventKind.RESOLVE, EventKind.ANSWER)


class ReopenedBy(models.TextChoices):
    RESIDENT = "resident", _("The resident's rating")
    CALLBACK = "callback", _("A dispatcher's call-back")
    STAFF = "staff", _("Reopened by staff")


@dataclass(frozen=True)
class PreviousAnswer:
    text: str
    at: datetime
    unit: str


@dataclass(frozen=True)
class Reopening:
    """The latest reopening of a case; ``answered`` once a new answer has been given since."""

    reason: str
    at: datetime
    by: ReopenedBy
    actor: User | None
    solved: bool | None
    satisfaction: str
    previous: PreviousAnswer | None
    answered: bool

    @property
    def by_label(self) -> str:
        return str(self.by.label)

    @property
    def satisfaction_label(self) -> str:
        valid = self.satisfaction in Satisfaction.values
        return str(Satisfaction(self.satisfaction).label) if valid else ""


def _last_index(events: Sequence[CaseEvent], kinds: Sequence[str], before: int) -> int | None:
    for index in range(before - 1, -1, -1):
        if events[index].kind in kinds:
            return index
    return None


def _rating(events: Sequence[CaseEvent], reopen: int) -> CaseEvent | None:
    """The unsatisfied rating written in the same transaction, right before the reopening."""
    if reopen == 0:
        return None
    event = events[reopen - 1]
    data = event.data or {}
    unsatisfied = data.get("satisfaction") == Satisfaction.UNSATISFIED
    return event if event.kind == EventKind.RATE and unsatisfied else None


def _previous(events: Sequence[CaseEvent], reopen: int) -> PreviousAnswer | None:
    index = _last_index(events, ANSWERS, reopen)
    if index is None:
        return None
    event = events[index]
    unit = event.unit.name if event.unit is not None else ""
    return PreviousAnswer(text=event.note, at=event.at, unit=unit)


def _by(rating: CaseEvent | None) -> ReopenedBy:
    if rating is None:
        return ReopenedBy.STAFF
    if (rating.data or {}).get("source") == RatingSource.CALLBACK:
        return ReopenedBy.CALLBACK
    return ReopenedBy.RESIDENT


def last_reopening(events: Sequence[CaseEvent]) -> Reopening | None:
    """The latest reopening in ``events`` (one case's, in order), or None if it never came back.

    Takes the events already loaded with ``unit`` and ``actor`` (see ``case_timeline``):
    no query of its own.
    """
    reopen = _last_index(events, (EventKind.REOPEN,), len(events))
    if reopen is None:
        return None
    event = events[reopen]
    rating = _rating(events, reopen)
    data = (rating.data or {}) if rating is not None else {}
    latest_answer = _last_index(events, ANSWERS, len(events))
    return Reopening(
        reason=note_text(event),
        at=event.at,
        by=_by(rating),
        actor=event.actor,
        solved=bool(data["solved"]) if "solved" in data else None,
        satisfaction=str(data.get("satisfaction", "")),
        previous=_previous(events, reopen),
        answered=latest_answer is not None and latest_answer > reopen,
    )


def current_answer(case: Case, reopening: Reopening | None) -> str:
    """The answer that stands now: none while a reopened case waits for a new one."""
    if reopening is not None and not reopening.answered:
        return ""
    return case.answer
