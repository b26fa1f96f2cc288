"""Twelve months of believable case histories, written through the real services.

The clock is moved to each moment of a case's life (``clock.frozen_at``), so
every event, deadline and rating is produced by the same code that serves
users; nothing is written behind the services' back.
"""

from __future__ import annotations

import contextlib
import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from jiceng.cases import services
from jiceng.cases.models import (
    Case,
    Category,
    Channel,
    Kind,
    RatingSource,
    Satisfaction,
    State,
    Urgency,
)
from jiceng.core import clock
from jiceng.core.errors import IllegalTransition
from jiceng.demo import texts
from jiceng.demo.setup import DemoOrg
from jiceng.people.models import Role, UnitKind, User


@dataclass
class World:
    org: DemoOrg
    rng: random.Random
    now: datetime
    categories: list[Category]
    weights: list[float]
    villages: list[tuple[str, str, str]]  # (code, village name, township name)
    # Registered residents who call too: (village code, name, phone) from the household registry.
    callers: list[tuple[str, str, str]] = field(default_factory=list)


# The share of requests that come from a household in the registry (linked by phone).
FROM_REGISTRY = 0.15


# How often residents raise each category (rough hotline proportions).
CATEGORY_WEIGHTS = {
    "clothing": 1,
    "food": 4,
    "housing": 10,
    "transport": 12,
    "utilities": 10,
    "employment": 7,
    "education": 6,
    "social_security": 9,
    "medical": 6,
    "environment": 12,
    "dispute": 10,
    "village_affairs": 6,
    "other": 7,
}


def _hours(rng: random.Random, low: float, high: float) -> timedelta:
    return timedelta(hours=rng.uniform(low, high))


class _Stop(Exception):
    """The simulated moment reached today: the case stays as it is, open."""


def _at(world: World, moment: datetime) -> datetime:
    if moment >= world.now:
        raise _Stop
    return moment


def _staff(world: World, case: Case) -> User:
    return world.org.staff[case.owner_id]


def simulate_case(world: World, submitted: datetime) -> Case:
    rng = world.rng
    code, village, township = rng.choice(world.villages)
    category = rng.choices(world.categories, world.weights)[0]
    contact = {"contact_name": texts.person_name(rng), "contact_phone": texts.phone_number(rng)}
    if world.callers and rng.random() < FROM_REGISTRY:
        code, village, township, contact = _registered_caller(world)
    dispatcher = world.org.logins[Role.DISPATCHER]
    if rng.random() < 0.12:
        question, answer = texts.consultation(rng)
        with clock.frozen_at(submitted):
            return services.case_consult(
                category=category,
                question=question,
                answer=answer,
                division_code=code,
                by=dispatcher,
                **contact,
            )
    title, description = texts.request_text(category.code, rng, village=village, township=township)
    with clock.frozen_at(submitted):
        case = services.case_submit(
            category=category,
            title=title,
            description=description,
            division_code=code,
            address=texts.address(rng, village=village),
            channel=rng.choice(list(Channel.values)),
            urgency=Urgency.EMERGENCY if rng.random() < 0.02 else Urgency.NORMAL,
            by=dispatcher if rng.random() < 0.5 else None,
            **contact,
        )
    with contextlib.suppress(_Stop):
        _life(world, case, submitted)
    return case


def _life(world: World, case: Case, t: datetime) -> None:
    rng = world.rng
    t = _at(world, t + _hours(rng, 0.1, 5))
    with clock.frozen_at(t):
        # The dispatcher confirms the category, as at the desk: the category model learns from it.
        services.case_dispatch_classified(
            case=case, by=world.org.logins[Role.DISPATCHER], category=case.category
        )
    if case.owner.kind == UnitKind.VILLAGE and rng.random() < 0.03:
        t = _at(world, t + _hours(rng, 0.5, 8))
        with clock.frozen_at(t):
            services.case_return(case=case, by=_staff(world, case), reason=texts.return_reason(rng))
        t = _at(world, t + _hours(rng, 0.5, 4))
        township = world.org.townships[case.division_id[:9]]
        with clock.frozen_at(t):
            services.case_dispatch(case=case, by=world.org.logins[Role.DISPATCHER], unit=township)
    for _round in range(3):
        t = _handle(world, case, t)
        if not _rate(world, case, t):
            return


def _handle(world: World, case: Case, t: datetime) -> datetime:
    """Accept, perhaps escalate, and resolve; returns the moment of resolution."""
    rng = world.rng
    late = rng.random() < 0.08
    assert case.respond_by is not None and case.resolve_by is not None
    t = _at(
        world,
        case.respond_by + _hours(rng, 1, 30)
        if late
        else t + (case.respond_by - t) * rng.uniform(0.05, 0.9),
    )
    with clock.frozen_at(t):
        services.case_accept(case=case, by=_staff(world, case))
    if rng.random() < 0.015:
        raise _Stop  # 积案: an old case nobody finished, for the backlog figures
    if rng.random() < 0.06 and case.owner.kind != UnitKind.DEPARTMENT:
        t = _at(world, t + _hours(rng, 2, 48))
        with clock.frozen_at(t):
            services.case_escalate(
                case=case,
                by=_staff(world, case),
                reason=texts.escalation_reason(case.category_id, rng),
            )
        return _handle(world, case, t)
    if rng.random() < 0.05:
        t = _at(world, t + _hours(rng, 1, 24))
        with clock.frozen_at(t):
            services.case_note(case=case, by=_staff(world, case), note=texts.note_text(rng))
    span = case.resolve_by - t
    t = _at(
        world,
        case.resolve_by + _hours(rng, 2, 200)
        if rng.random() < 0.07
        else t + span * rng.uniform(0.1, 0.95),
    )
    with clock.frozen_at(t):
        services.case_resolve(
            case=case,
            by=_staff(world, case),
            answer=texts.resolution_text(case.category_id, rng, unit=case.owner.name),
        )
    return t


def _rate(world: World, case: Case, t: datetime) -> bool:
    """Rate (or let the window pass); True if the case was reopened and goes round again."""
    rng = world.rng
    if rng.random() < 0.18:
        t = _at(world, t + timedelta(days=8))
        with clock.frozen_at(t):
            services.case_close_unrated(case=case)
        return False
    t = _at(world, t + _hours(rng, 2, 96))
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


def _registered_caller(world: World) -> tuple[str, str, str, dict[str, str]]:
    """A member of a registered household calls about their own village."""
    code, name, phone = world.rng.choice(world.callers)
    village, township = next((v, t) for c, v, t in world.villages if c == code)
    return code, village, township, {"contact_name": name, "contact_phone": phone}
