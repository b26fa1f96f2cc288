"""A simulated resolved case rated by its resident, on a callback or a link, or left unrated."""

from __future__ import annotations

from datetime import datetime, timedelta

from jiceng.cases import services
from jiceng.cases.models import Case, Kind, RatingSource, Satisfaction, State
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition
from jiceng.demo import texts
from jiceng.demo.moments import at, hours
from jiceng.demo.world import World
from jiceng.people.models import Role


def rate(world: World, case: Case, t: datetime) -> bool:
    """Rate (or let the window pass); True if the case was reopened and goes round again."""
    rng = world.rng
    if rng.random() < 0.18:
        t = at(world, t + timedelta(days=8))
        with clock.frozen_at(t):
            services.case_close_unrated(case=case)
        return False
    t = at(world, t + hours(rng, 2, 96))
    draw = rng.random()
    satisfaction = (
        Satisfaction.SATISFIED
        if draw < 0.74
        else Satisfaction.BASICALLY
        if draw < 0.9
        else Satisfaction.UNSATISFIED
    )
    solved = satisfaction != Satisfaction.UNSATISFIED or rng.random() < 0.3
    callback = rng.random() < 0.6
    with clock.frozen_at(t):
        try:
            services.case_rate(
                case=case,
                solved=solved,
                satisfaction=satisfaction,
                comment=texts.rating_comment(rng, satisfied=satisfaction, solved=solved),
                source=RatingSource.CALLBACK if callback else RatingSource.LINK,
                by=world.org.logins[Role.DISPATCHER] if callback else None,
            )
        except IllegalTransition:
            return False
    return case.state == State.DISPATCHED and case.kind == Kind.REQUEST
