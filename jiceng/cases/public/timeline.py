"""A case's public timeline: unit names but never staff, internal notes or contacts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from jiceng.cases.history.floor import case_events
from jiceng.cases.models import PUBLIC_EVENTS, Case, CaseEvent, EventKind, Rating
from jiceng.cases.public.scrubbing import scrub


@dataclass(frozen=True)
class Step:
    """One public event. ``answer`` is set only where the resident is meant to read it."""

    kind: str
    at: datetime
    unit: str
    answer: str = ""
    solved: bool | None = None
    satisfaction: str = ""
    merged_into: str = ""


def _public_note(event: CaseEvent, name: str) -> str:
    """The text of an answer or a progress reply; other notes are internal."""
    if event.kind in (EventKind.RESOLVE, EventKind.ANSWER):
        return event.note
    if event.kind == EventKind.REPLY:
        # Written to this resident, but shown to anyone following the case, residents of
        # merged requests too: no personal numbers, as on the public board.
        return scrub(event.note, name=name)
    return ""


def _step(event: CaseEvent, name: str = "") -> Step:
    data = event.data or {}
    return Step(
        kind=event.kind,
        at=event.at,
        unit=event.unit.name if event.unit is not None else "",
        answer=_public_note(event, name),
        solved=data.get("solved") if event.kind == EventKind.RATE else None,
        satisfaction=str(data.get("satisfaction", "")) if event.kind == EventKind.RATE else "",
        merged_into=str(data.get("into", "")) if event.kind == EventKind.MERGE else "",
    )


def public_timeline(case: Case) -> list[Step]:
    # From the months since its submission only (history.floor).
    events = case_events(case.pk, case.submitted_at).filter(kind__in=PUBLIC_EVENTS)
    events = events.select_related("unit")
    name = case.resident.name if case.resident is not None else ""
    return [_step(event, name) for event in events.order_by("seq")]


def resident_timeline(case: Case, followed: Case) -> list[Step]:
    """The resident's own steps, then the steps of the case their request was merged into."""
    steps = public_timeline(case)
    if followed.pk == case.pk:
        return steps
    merged_at = max((step.at for step in steps if step.kind == EventKind.MERGE), default=None)
    later = [step for step in public_timeline(followed) if merged_at and step.at >= merged_at]
    return sorted([*steps, *later], key=lambda step: step.at)


def current_rating(case: Case, followed: Case) -> Rating | None:
    """The rating ``case``'s resident gave to the current resolution of ``followed``, if any:
    each resolution is rated once (the rule book refuses a second)."""
    if followed.resolved_at is None:
        return None
    return case.ratings.filter(at__gte=followed.resolved_at).order_by("-at").first()
