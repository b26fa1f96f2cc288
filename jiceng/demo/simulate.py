"""Twelve months of believable case histories, written through the real services.

The clock is moved to each moment of a case's life (``clock.frozen_at``), so
every event, deadline and rating is produced by the same code that serves
users; nothing is written behind the services' back.
"""

from __future__ import annotations

import contextlib
from datetime import datetime

from jiceng.cases import services
from jiceng.cases.models import Case, Channel, Urgency
from jiceng.core import clock
from jiceng.demo import texts
from jiceng.demo.handling import handle
from jiceng.demo.moments import Stop, at, hours
from jiceng.demo.rating import rate
from jiceng.demo.shares import FROM_REGISTRY
from jiceng.demo.world import World, staff
from jiceng.people.models import Role, UnitKind


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
    with contextlib.suppress(Stop):
        life(world, case, submitted)
    return case


def life(world: World, case: Case, t: datetime) -> None:
    rng = world.rng
    t = at(world, t + hours(rng, 0.1, 5))
    with clock.frozen_at(t):
        # The dispatcher confirms the category, as at the desk: the category model learns from it.
        services.case_dispatch_classified(
            case=case, by=world.org.logins[Role.DISPATCHER], category=case.category
        )
    if case.owner.kind == UnitKind.VILLAGE and rng.random() < 0.03:
        t = at(world, t + hours(rng, 0.5, 8))
        with clock.frozen_at(t):
            services.case_return(case=case, by=staff(world, case), reason=texts.return_reason(rng))
        t = at(world, t + hours(rng, 0.5, 4))
        township = world.org.townships[case.division_id[:9]]
        with clock.frozen_at(t):
            services.case_dispatch(case=case, by=world.org.logins[Role.DISPATCHER], unit=township)
    for _round in range(3):
        t = handle(world, case, t)
        if not rate(world, case, t):
            return


def _registered_caller(world: World) -> tuple[str, str, str, dict[str, str]]:
    """A member of a registered household calls about their own village."""
    code, name, phone = world.rng.choice(world.callers)
    village, township = next((v, t) for c, v, t in world.villages if c == code)
    return code, village, township, {"contact_name": name, "contact_phone": phone}
