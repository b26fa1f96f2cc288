"""A simulated case handled by its owner: accepted, perhaps escalated, and resolved."""

from __future__ import annotations

from datetime import datetime

from jiceng.cases import services
from jiceng.cases.models import Case
from jiceng.core import clock
from jiceng.demo import texts
from jiceng.demo.moments import Stop, at, hours
from jiceng.demo.world import World, staff
from jiceng.people.models import UnitKind


def handle(world: World, case: Case, t: datetime) -> datetime:
    """Accept, perhaps escalate, and resolve; returns the moment of resolution."""
    rng = world.rng
    late = rng.random() < 0.08
    assert case.respond_by is not None and case.resolve_by is not None
    t = at(
        world,
        case.respond_by + hours(rng, 1, 30)
        if late
        else t + (case.respond_by - t) * rng.uniform(0.05, 0.9),
    )
    with clock.frozen_at(t):
        services.case_accept(case=case, by=staff(world, case))
    if rng.random() < 0.015:
        raise Stop  # 积案: an old case nobody finished, for the backlog figures
    if rng.random() < 0.06 and case.owner.kind != UnitKind.DEPARTMENT:
        t = at(world, t + hours(rng, 2, 48))
        with clock.frozen_at(t):
            services.case_escalate(
                case=case,
                by=staff(world, case),
                reason=texts.escalation_reason(case.category_id, rng),
            )
        return handle(world, case, t)
    if rng.random() < 0.05:
        t = at(world, t + hours(rng, 1, 24))
        with clock.frozen_at(t):
            services.case_note(case=case, by=staff(world, case), note=texts.note_text(rng))
    span = case.resolve_by - t
    t = at(
        world,
        case.resolve_by + hours(rng, 2, 200)
        if rng.random() < 0.07
        else t + span * rng.uniform(0.1, 0.95),
    )
    with clock.frozen_at(t):
        services.case_resolve(
            case=case,
            by=staff(world, case),
            answer=texts.resolution_text(case.category_id, rng, unit=case.owner.name),
        )
    return t
