"""Two people act on one case at the same moment: exactly one wins.

Runs on PostgreSQL with real, separate connections (one per thread). SQLite's
test database lives in memory and cannot be shared between connections.
"""

import copy
import threading

import pytest
from django.db import connection, connections

from jiceng.cases.models import Case, CaseEvent, State
from jiceng.cases.services import case_accept, case_return
from jiceng.core.errors import Conflict, IllegalTransition

from factories import dispatched

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def _race(actions):
    """Run each action in its own thread and connection, released together."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # the outcome is what we assert on
            outcomes[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_cadres_accepting_at_once_one_wins_one_gets_a_conflict(users):
    case = dispatched(users)
    first, second = copy.deepcopy(case), copy.deepcopy(case)
    outcomes = _race(
        [
            lambda: case_accept(case=first, by=users["cadre"]),
            lambda: case_accept(case=second, by=users["grid_worker"]),
        ]
    )
    conflicts = [o for o in outcomes if isinstance(o, Conflict)]
    winners = [o for o in outcomes if isinstance(o, CaseEvent)]
    assert len(conflicts) == 1 and len(winners) == 1
    assert case.number in conflicts[0].message
    stored = Case.objects.get(pk=case.pk)
    assert stored.state == State.ACCEPTED and stored.version == 3
    assert CaseEvent.objects.filter(case=case).count() == 3


def test_accept_racing_a_return_leaves_one_consistent_outcome(users):
    case = dispatched(users)
    first, second = copy.deepcopy(case), copy.deepcopy(case)
    outcomes = _race(
        [
            lambda: case_accept(case=first, by=users["cadre"]),
            lambda: case_return(case=second, by=users["grid_worker"], reason="不归本村管"),
        ]
    )
    assert sum(isinstance(o, CaseEvent) for o in outcomes) == 1
    assert sum(isinstance(o, Conflict | IllegalTransition) for o in outcomes) == 1
    stored = Case.objects.get(pk=case.pk)
    assert stored.state in {State.ACCEPTED, State.SUBMITTED}
    assert stored.version == CaseEvent.objects.filter(case=case).count() == 3


def test_many_concurrent_accepts_write_exactly_one_event(users):
    case = dispatched(users)
    copies = [copy.deepcopy(case) for _ in range(6)]
    outcomes = _race([lambda c=c: case_accept(case=c, by=users["cadre"]) for c in copies])
    assert sum(isinstance(o, CaseEvent) for o in outcomes) == 1
    assert sum(isinstance(o, Conflict) for o in outcomes) == 5
    assert CaseEvent.objects.filter(case=case, kind="accept").count() == 1
