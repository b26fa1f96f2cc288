"""The generating processes: each takes every other batch of cases and COPYs it in.

Case ids follow submission time (case ``i`` is submitted at ``i/N`` of the period), as in a
live database. Event and rating ids are drawn from ranges reserved per batch, so the two
processes never collide; the sequences are moved past them after the load.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import psycopg

from bench.city.chain import escaped
from bench.city.copying import MODELS, Buffers, copy_statement
from bench.city.lifecycle import Life
from bench.city.story import new_case
from bench.city.texts import Pools
from bench.city.world import World
from jiceng.cases.models import Case, CaseEvent, CaseSearch, Rating
from jiceng.cases.search.tokens import row_text

EVENTS_PER_CASE, RATINGS_PER_CASE = 24, 4  # id room reserved per case; averages are ~5 and ~0.5


@dataclass(frozen=True)
class Plan:
    cases: int
    batch: int
    workers: int
    start: datetime
    end: datetime
    seed: int
    dsn: str
    window: timedelta

    @property
    def batches(self) -> int:
        return -(-self.cases // self.batch)


def generate_batch(plan: Plan, world: World, pools: Pools, number: int) -> tuple[Buffers, int]:
    rng = random.Random(plan.seed * 1_000_003 + number)
    life = Life(world, pools, rng, plan.end, plan.window)
    buffers, span = Buffers(), plan.end - plan.start
    lines = buffers.lines
    cases, events, searches = lines[Case], lines[CaseEvent], lines[CaseSearch]
    event_id = number * plan.batch * EVENTS_PER_CASE + 1
    first, last = number * plan.batch, min(plan.cases, (number + 1) * plan.batch)
    requests, count = pools.requests, len(pools.requests)
    for i in range(first, last):
        req = requests[rng.randrange(count)]
        at = plan.start + span * ((i + rng.random()) / plan.cases)
        case = new_case(life, i + 1, event_id, req, at, events)
        event_id = case.next_event_id
        cases.append(case.line())
        searches.append(f"{case.id}\t{escaped(row_text(case.id, req.search))}\n")
    assert event_id <= (number + 1) * plan.batch * EVENTS_PER_CASE
    rating_id = number * plan.batch * RATINGS_PER_CASE + 1
    ratings = lines[Rating]
    for offset, (case_id, event, unit, division, at, solved, level, comment, source) in enumerate(
        life.ratings
    ):
        ratings.append(
            f"{rating_id + offset}\t{case_id}\t{event}\t{unit}\t{division}\t{at}\t"
            f"{'t' if solved else 'f'}\t{level}\t{escaped(comment)}\t{source}\n"
        )
    return buffers, len(events)


def work(plan: Plan, world: World, pools: Pools, worker: int) -> None:
    """One process's share: batches ``worker``, ``worker + workers``, …"""
    statements = {model: copy_statement(model) for model in MODELS}
    started, cpu, cases, events = time.perf_counter(), time.process_time(), 0, 0
    with psycopg.connect(plan.dsn) as pg:
        pg.execute("SET synchronous_commit = off")
        for number in range(worker, plan.batches, plan.workers):
            buffers, n = generate_batch(plan, world, pools, number)
            buffers.send(pg, statements)
            pg.commit()
            cases += min(plan.batch, plan.cases - number * plan.batch)
            events += n
            if (number // plan.workers) % 20 == 0 or number + plan.workers >= plan.batches:
                took = time.perf_counter() - started
                print(
                    f"worker {worker}: {cases:,} cases, {events:,} events, {took:,.0f} s, "
                    f"{cases / took:,.0f} cases/s, "
                    f"{(time.process_time() - cpu) * 1000 / cases:.3f} ms CPU/case",
                    file=sys.stderr,
                    flush=True,
                )
