"""A request's life by the rule book: submitted → dispatched → accepted → resolved → rated.

Each step mirrors its service in ``jiceng.cases.services`` (the same event kind, states,
unit, deadlines, data and case changes) and follows ``cases.rules.book``: returns go back
to the dispatch centre and are dispatched again, escalation goes one tier up where there
is one, an unsatisfied rating reopens (the same owner first, a tier up after), unrated
resolutions close when the rating window passes. A step that would fall after ``end``
is not taken: the case stays open as it stood, overdue if its deadline has passed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from bench.city.chain import CaseBuilder
from bench.city.texts import Pools
from bench.city.world import World

MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)
NEXT_TIER = {"village": "township", "township": "county", "county": None}
NOT_SATISFIED = "The resident was not satisfied."


class Stop(Exception):
    """The next step falls after the end of the generated period."""


class Life:
    def __init__(
        self, world: World, pools: Pools, rng: random.Random, end: datetime, window: timedelta
    ):
        self.world, self.pools, self.rng, self.end, self.window = world, pools, rng, end, window
        self.ratings: list[tuple[object, ...]] = []

    def later(self, at: datetime, mean: timedelta) -> datetime:
        moment = (
            at + mean * self.rng.expovariate(1.0) + timedelta(seconds=self.rng.randrange(1, 60))
        )
        if moment > self.end:
            raise Stop
        return moment

    def before(
        self, start: datetime, due: datetime, late_share: float, late_mean: timedelta
    ) -> datetime:
        """When a step answering a deadline comes: mostly before ``due``, sometimes after."""
        if self.rng.random() < late_share:
            return self.later(due, late_mean)
        moment = start + (due - start) * self.rng.uniform(0.02, 0.95)
        if moment > self.end:
            raise Stop
        return moment

    def clock(self, case: CaseBuilder, unit: int, at: datetime) -> dict[str, object]:
        """``services.clocks.new_owner``: the new owner's deadlines from ``at``."""
        limit = "emergency" if case.values["urgency"] == "emergency" else case.values["category_id"]
        respond_by, resolve_by = self.world.deadlines(limit, at)
        return {
            "owner_id": unit,
            "owner_since": at,
            "reminded_at": None,
            "respond_by": respond_by,
            "resolve_by": resolve_by,
        }

    def staff(self, unit: int) -> int:
        return self.world.staff[unit]

    def dispatcher(self, case: CaseBuilder) -> int:
        return self.rng.choice(self.world.dispatchers[case.values["division_id"][:6]])

    def next_unit(self, case: CaseBuilder) -> int | None:
        """``escalation_target``: the catalogue's unit one tier above the owner, if any."""
        tier = NEXT_TIER[self.world.tiers[case.values["owner_id"]]]
        if tier is None:
            return None
        values = case.values
        return self.world.unit_for(values["category_id"], values["division_id"], tier)

    def handover(
        self, case: CaseBuilder, kind: str, at: datetime, unit: int, **event: object
    ) -> None:
        """An event giving the case to ``unit`` with a new clock (dispatch, escalate, reopen…)."""
        changes = self.clock(case, unit, at)
        changes.update(event.pop("changes", {}))  # type: ignore[call-overload]
        to_state = str(event.pop("to_state", "dispatched"))
        case.append(
            kind,
            at,
            to_state=to_state,
            unit=unit,
            respond_by=changes["respond_by"],  # type: ignore[arg-type]
            changes=changes,
            **event,
        )  # type: ignore[arg-type]
