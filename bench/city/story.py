"""One case from submission to its last step (see ``lifecycle`` for the rules followed)."""

from __future__ import annotations

import contextlib
from datetime import datetime

from bench.city.chain import CaseBuilder, data
from bench.city.handling import settle
from bench.city.lifecycle import HOUR, MINUTE, Life, Stop
from bench.city.texts import Request

CHANNELS, CHANNEL_WEIGHTS = ("phone", "web", "in_person", "api"), (55, 85, 95, 100)  # cumulative
LATE_DISPATCH, MISROUTED = 0.03, 0.04
PROPOSED, NOT_PROPOSED = data(proposed=True), data(proposed=False)


def new_case(
    life: Life, case_id: int, event_id: int, req: Request, at: datetime, lines: list[str]
) -> CaseBuilder:
    """The case as ``prepare_case`` leaves it, with its SUBMIT event (and ANSWER, if consulted)."""
    w, rng = life.world, life.rng
    urgent = req.kind == "request" and rng.random() < 0.02
    channel = (
        "phone"
        if req.kind == "consultation"
        else rng.choices(CHANNELS, cum_weights=CHANNEL_WEIGHTS)[0]
    )
    respond_by, resolve_by = w.deadlines("emergency" if urgent else req.category, at)
    centre = w.centres[req.village[:6]]
    values = {
        "number": None,
        "kind": req.kind,
        "state": "submitted",
        "category_id": req.category,
        "urgency": "emergency" if urgent else "normal",
        "channel": channel,
        "title": req.title,
        "description": req.description,
        "division_id": req.village,
        "address": "",
        "resident_id": rng.choice(w.residents),
        "owner_id": centre,
        "respond_by": respond_by,
        "resolve_by": resolve_by,
        "submitted_at": at,
        "owner_since": at,
        "resolved_at": None,
        "closed_at": None,
        "answer": "",
        "merged_into_id": None,
        "reopen_count": 0,
        "reminded_at": None,
    }
    case = CaseBuilder(case_id, values, w.linker, event_id, lines)
    number = w.number(at, case_id)
    by = life.dispatcher(case) if channel in ("phone", "in_person") else None
    if req.kind == "consultation":
        case.append(
            "submit", at, actor=by, to_state="submitted", unit=centre, changes={"number": number}
        )
        case.append(
            "answer",
            at,
            actor=by,
            to_state="closed",
            unit=centre,
            note=req.answer,
            changes={"answer": req.answer, "resolved_at": at, "closed_at": at},
        )
        return case
    case.append(
        "submit",
        at,
        actor=by,
        to_state="submitted",
        unit=centre,
        respond_by=respond_by,
        data=data(channel=channel),
        changes={"number": number},
    )
    with contextlib.suppress(Stop):
        _dispatch(life, case, at, req)
    return case


def _dispatch(life: Life, case: CaseBuilder, at: datetime, req: Request) -> None:
    w, rng, v = life.world, life.rng, case.values
    due = v["respond_by"]
    at = life.before(at, due, LATE_DISPATCH, 2 * HOUR)
    if at > due + 5 * MINUTE:  # the sweep flags a late dispatch to the county's leaders
        case.append(
            "flag",
            due + MINUTE,
            actor=None,
            to_state="submitted",
            unit=v["owner_id"],
            data=data(due=due.isoformat(), county=req.village[:6]),
        )
    first = w.unit_for(req.category, req.village, w.first_tier[req.category])
    life.handover(case, "dispatch", at, first, actor=life.dispatcher(case), data=PROPOSED)
    if rng.random() < MISROUTED:  # returned as misrouted, then sent to another tier
        at = life.later(at, 3 * HOUR)
        life.handover(
            case,
            "return",
            at,
            w.centres[req.village[:6]],
            actor=life.staff(first),
            to_state="submitted",
            note=rng.choice(life.pools.returns),
            data=data(from_unit=first),
        )
        tier = "township" if w.tiers[first] != "township" else "county"
        other = w.unit_for(req.category, req.village, tier)
        at = life.later(at, 30 * MINUTE)
        life.handover(case, "dispatch", at, other, actor=life.dispatcher(case), data=NOT_PROPOSED)
    settle(life, case, at)
