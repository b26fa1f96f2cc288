"""Shaping rows for the templates: timeline entries and the grouped list of units."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from jiceng.cases.models import PUBLIC_EVENTS, CaseEvent, EventKind, RatingSource
from jiceng.people.models import Unit, UnitKind
from jiceng.web.labels import SATISFACTION_LABELS

# Events that hand the case to a unit: the timeline names where it went.
HANDOVERS = {EventKind.DISPATCH, EventKind.ESCALATE, EventKind.RETURN, EventKind.REOPEN}


@dataclass(frozen=True)
class Entry:
    event: CaseEvent
    label: str
    actor: str
    actor_unit: str
    to_unit: str
    detail: str
    internal: bool


def _by_link(event: CaseEvent | None) -> bool:
    return (
        event is not None
        and event.kind == EventKind.RATE
        and event.data.get("source") == RatingSource.LINK
    )


def _actor(event: CaseEvent, previous: CaseEvent | None) -> tuple[str, str]:
    if event.actor is not None:
        unit = event.actor.unit.name if event.actor.unit is not None else ""
        return str(event.actor), unit
    # The reopening that an unsatisfied online rating makes is the resident's doing too.
    if _by_link(event) or (event.kind == EventKind.REOPEN and _by_link(previous)):
        return _("The resident"), ""
    if event.kind == EventKind.SUBMIT:
        return _("The resident"), ""
    return _("System"), ""


def _detail(event: CaseEvent) -> str:
    data = event.data or {}
    if event.kind == EventKind.RATE:
        solved = _("solved") if data.get("solved") else _("not solved")
        satisfaction = data.get("satisfaction", "")
        label = SATISFACTION_LABELS.get(satisfaction, "")
        return f"{solved} · {label}"
    if event.kind == EventKind.MERGE and data.get("into"):
        return _("into case %(number)s") % {"number": data["into"]}
    if event.kind == EventKind.ESCALATE and data.get("automatic"):
        return _("automatically, the deadline passed")
    return ""


def timeline(events: Iterable[CaseEvent]) -> list[Entry]:
    entries = []
    previous = None
    for event in events:
        actor, actor_unit = _actor(event, previous)
        previous = event
        to_unit = event.unit.name if event.unit is not None and event.kind in HANDOVERS else ""
        entries.append(
            Entry(
                event=event,
                label=str(EventKind(event.kind).label),
                actor=actor,
                actor_unit=actor_unit,
                to_unit=to_unit,
                detail=_detail(event),
                internal=event.kind not in PUBLIC_EVENTS,
            )
        )
    return entries


def unit_groups(units: Iterable[Unit]) -> list[tuple[str, list[Unit]]]:
    """County units first, then each township with its villages, for one <select>."""
    county: list[Unit] = []
    townships: dict[str, tuple[str, list[Unit]]] = {}
    for unit in units:
        if len(unit.division_id) <= 6:
            county.append(unit)
            continue
        code = unit.division_id[:9]
        members = townships.setdefault(code, (code, []))[1]
        if unit.kind == UnitKind.TOWNSHIP:
            townships[code] = (unit.name, members)
            members.insert(0, unit)
        else:
            members.append(unit)
    groups = [(_("County"), county)] if county else []
    return groups + [townships[code] for code in sorted(townships)]


def unit_options(groups: list[tuple[str, list[Unit]]], selected: str = "") -> SafeString:
    """The <optgroup>s of :func:`unit_groups`, built here because a county has 500+ units
    and the template engine is slow at that many options."""
    parts = []
    for label, units in groups:
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((u.pk, " selected" if str(u.pk) == selected else "", u.name) for u in units),
        )
        parts.append(format_html('<optgroup label="{}">{}</optgroup>', label, options))
    return SafeString("".join(parts))
