"""``/healthz``: a liveness answer that needs no database and no login; ``/readyz``: whether
the database, the migrations and the task queue let this server work."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries, Settings

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_without_touching_the_database(
    client: Client, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"


def test_healthz_takes_no_writes(client: Client) -> None:
    response = client.post("/healthz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


# --- /readyz ------------------------------------------------------------------------------------


def _ready(client: Client) -> tuple[int, dict[str, object]]:
    response = client.get("/readyz")
    assert response["Cache-Control"] == "no-store"
    return response.status_code, response.json()


def test_readyz_checks_database_migrations_and_tasks(client: Client) -> None:
    assert _ready(client) == (
        200,
        {"ready": True, "checks": {"database": "ok", "migrations": "ok", "tasks": "ok"}},
    )


def test_readyz_is_not_ready_while_a_migration_is_unapplied(client: Client) -> None:
    from django.db import connection
    from django.db.migrations.recorder import MigrationRecorder

    latest = MigrationRecorder(connection).migration_qs.filter(app="core").latest("id")
    latest.delete()
    status, body = _ready(client)
    assert status == 503
    assert body["checks"] == {
        "database": "ok",
        "migrations": "1 migrations not applied",
        "tasks": "ok",
    }


def test_readyz_is_not_ready_while_a_task_waits_too_long(
    client: Client, settings: Settings
) -> None:
    from django_tasks_db.models import DBTaskResult, get_date_max

    from jiceng.api.readiness import DATABASE_TASKS
    from jiceng.core import clock

    settings.TASKS = {"default": {"BACKEND": DATABASE_TASKS}}
    settings.JICENG_READY_TASK_MINUTES = 10
    task = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="jiceng.cases.tasks.sweep_task",
        backend_name="default",
        run_after=get_date_max(),
    )
    assert _ready(client)[0] == 200  # just queued
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=clock.now() - timedelta(minutes=9))
    assert _ready(client)[0] == 200
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=clock.now() - timedelta(minutes=11))
    status, body = _ready(client)
    assert (status, body["checks"]["tasks"]) == (503, "1 tasks waiting more than 10 minutes")
    DBTaskResult.objects.filter(pk=task.pk).update(status="SUCCESSFUL")
    assert _ready(client)[0] == 200


def test_readyz_counts_a_delayed_task_from_when_it_was_due(
    client: Client, settings: Settings
) -> None:
    from django_tasks_db.models import DBTaskResult

    from jiceng.api.readiness import DATABASE_TASKS
    from jiceng.core import clock

    settings.TASKS = {"default": {"BACKEND": DATABASE_TASKS}}
    due = {"args_kwargs": {}, "task_path": "x", "backend_name": "default"}
    DBTaskResult.objects.create(**due, run_after=clock.now() + timedelta(hours=1))
    assert _ready(client)[0] == 200  # not due yet, however long ago it was queued
    DBTaskResult.objects.update(run_after=clock.now() - timedelta(minutes=11))
    assert _ready(client)[0] == 503
