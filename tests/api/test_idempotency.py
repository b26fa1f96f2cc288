"""Retries with one Idempotency-Key: one answer, replayed to every retry, even concurrent ones.

The concurrent tests run on PostgreSQL with real, separate connections (one per
thread); SQLite's in-memory test database cannot be shared between connections.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.db import connection, connections
from django.test import Client, RequestFactory

from jiceng.api import idempotency
from jiceng.api.idempotency import claims
from jiceng.api.models import IdempotencyRecord
from jiceng.api.services import apikey_user
from jiceng.cases.models import Case, CaseEvent, State
from jiceng.core import clock
from jiceng.people.models import User

from factories import dispatched

needs_postgresql_threads = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def _accept(key: str, case: Case, idempotency_key: str = "accept-1") -> Any:
    return Client().post(
        f"/api/v1/cases/{case.number}/accept",
        json.dumps({}),
        content_type="application/json",
        headers={"X-API-Key": key, "Idempotency-Key": idempotency_key},
    )


def _race(actions: list[Callable[[], Any]]) -> list[Any]:
    """Run each action in its own thread and connection, released together."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[Any] = [None] * len(actions)

    def run(index: int, action: Callable[[], Any]) -> None:
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
        thread.join(timeout=60)
    return outcomes


@needs_postgresql_threads[0]
@needs_postgresql_threads[1]
def test_twenty_concurrent_retries_all_get_the_one_stored_answer(
    users: dict[str, User], keys: dict[str, str]
) -> None:
    case = dispatched(users)
    outcomes = _race([lambda: _accept(keys["cadre"], case) for _ in range(20)])
    assert [o.status_code for o in outcomes] == [200] * 20
    bodies = {o.content for o in outcomes}
    assert len(bodies) == 1 and json.loads(bodies.pop())["state"] == "accepted"
    assert sum(o.get("Idempotent-Replayed") == "true" for o in outcomes) == 19
    assert Case.objects.get(pk=case.pk).state == State.ACCEPTED
    assert CaseEvent.objects.filter(case=case, kind="accept").count() == 1
    assert IdempotencyRecord.objects.get().status == 200


@pytest.mark.django_db
def test_a_retry_while_the_first_still_runs_is_told_to_retry(
    users: dict[str, User], keys: dict[str, str], monday: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = dispatched(users)
    monkeypatch.setattr(claims, "WAIT_SECONDS", 0.1)
    first = _accept(keys["cadre"], case)
    IdempotencyRecord.objects.update(status=idempotency.IN_PROGRESS, body=b"")
    response = _accept(keys["cadre"], case)
    assert response.status_code == 409
    assert response.json()["code"] == "idempotency_key_in_progress"
    assert first.status_code == 200


@pytest.mark.django_db
def test_a_claim_left_by_a_crashed_request_is_taken_over_later(
    users: dict[str, User], keys: dict[str, str], monday: datetime
) -> None:
    case = dispatched(users)
    service_user = apikey_user(keys["cadre"])
    assert service_user is not None
    IdempotencyRecord.objects.create(
        scope=f"user:{service_user.pk}",
        key="accept-1",
        request_hash=idempotency.request_hash(_fake_accept(case)),
        status=idempotency.IN_PROGRESS,
        content_type="",
        body=b"",
        created_at=clock.now() - timedelta(minutes=10),
    )
    response = _accept(keys["cadre"], case)
    assert response.status_code == 200 and response.json()["state"] == "accepted"
    assert IdempotencyRecord.objects.get(key="accept-1").status == 200


def _fake_accept(case: Case) -> Any:
    return RequestFactory().post(
        f"/api/v1/cases/{case.number}/accept", json.dumps({}), content_type="application/json"
    )


@pytest.mark.django_db
def test_a_refused_first_attempt_lets_go_of_the_key(
    users: dict[str, User], keys: dict[str, str], monday: datetime
) -> None:
    case = dispatched(users)
    refused = _accept(keys["outsider"], case)
    assert refused.status_code in (403, 404) and not IdempotencyRecord.objects.exists()
