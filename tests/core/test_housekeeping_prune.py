"""Counters and stored answers do not pile up: the worker's hourly housekeeping prunes them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from jiceng.api.idempotency import idempotency_prune
from jiceng.api.models import IdempotencyRecord
from jiceng.api.tasks import prune_idempotency_task
from jiceng.core import clock, throttle
from jiceng.core.models import Throttle
from jiceng.core.tasks import prune_task_results_task

pytestmark = pytest.mark.django_db

NOW = clock.now()


def _record(key: str, age: timedelta) -> None:
    IdempotencyRecord.objects.create(
        scope="public",
        key=key,
        request_hash="0" * 64,
        status=201,
        content_type="application/json",
        body=b"{}",
        created_at=NOW - age,
    )


def test_stored_answers_older_than_a_day_are_pruned_and_recent_ones_kept():
    _record("old", timedelta(days=2))
    _record("yesterday-evening", timedelta(hours=23))
    with clock.frozen_at(NOW):
        assert prune_idempotency_task.call() == 1
    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["yesterday-evening"]


def test_a_zero_or_negative_retention_is_refused():
    with pytest.raises(ValueError):
        idempotency_prune(older_than=timedelta(0))


def test_throttle_counters_of_past_windows_are_pruned_with_the_task_results():
    with clock.frozen_at(NOW - timedelta(days=3)):
        throttle.hit("portal:submit:ip:10.0.0.1", limit=10, seconds=3600)
    with clock.frozen_at(NOW):
        throttle.hit("portal:submit:ip:10.0.0.1", limit=10, seconds=3600)
        throttle.hit("portal:submit:phone:abc", limit=5, seconds=86400)
        assert prune_task_results_task.call() == 1
    # Today's hourly and daily windows are still counting.
    assert Throttle.objects.count() == 2


def test_the_access_log_is_kept_for_its_retention_period_and_then_pruned(users, settings):
    from jiceng.people.models import AccessLog, Resident
    from jiceng.people.services import access_log_prune
    from jiceng.people.tasks import prune_access_log_task

    resident = Resident(name="王小明")
    resident.set_phone("13812345678")
    resident.save()
    for days in (400, 100):
        AccessLog.objects.create(
            user=users["cadre"],
            resident=resident,
            field="phone",
            reason="call",
            at=NOW - timedelta(days=days),
        )
    settings.JICENG_ACCESS_LOG_RETENTION_DAYS = 365
    with clock.frozen_at(NOW):
        assert prune_access_log_task.call() == 1
    assert list(AccessLog.objects.values_list("reason", flat=True)) == ["call"]
    assert AccessLog.objects.get().at == NOW - timedelta(days=100)
    with pytest.raises(ValueError):
        access_log_prune(older_than=timedelta(days=30))  # the law asks for six months at least
