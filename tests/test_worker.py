"""`jiceng worker` and the task queues it works: the sweep runs through each real backend."""

import os
import sqlite3
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from jiceng.cases.models import EventKind, State
from jiceng.cases.tasks import sweep_task
from jiceng.core import clock

from factories import accepted
from task_queues import DATABASE_TASKS, RQ_TASKS, work_database_queue, work_rq_queue

ROOT = Path(__file__).resolve().parent.parent
JICENG = Path(sys.executable).parent / "jiceng"
REDIS_URL = os.environ.get("JICENG_REDIS_URL")
needs_redis = pytest.mark.skipif(not REDIS_URL, reason="set JICENG_REDIS_URL to test RQ")


def _assert_escalated_by_the_sweep(case, org) -> None:
    case.refresh_from_db()
    assert (case.state, case.owner) == (State.DISPATCHED, org["fengqiao"])
    assert case.events.filter(kind=EventKind.ESCALATE, actor=None).count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_queue_runs_an_enqueued_sweep(settings, users, org, monday):
    settings.TASKS = DATABASE_TASKS
    case = accepted(users)
    with clock.frozen_at(case.resolve_by + timedelta(minutes=1)):
        result = sweep_task.enqueue()
        case.refresh_from_db()
        assert case.state == State.ACCEPTED  # waiting in the queue, not run at once
        work_database_queue()
    _assert_escalated_by_the_sweep(case, org)
    assert sweep_task.get_result(result.id).return_value.startswith("escalated 1,")


@needs_redis
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_rq_worker_runs_a_sweep_enqueued_through_redis(settings, users, org, monday):
    settings.TASKS = RQ_TASKS
    case = accepted(users)
    with clock.frozen_at(case.resolve_by + timedelta(minutes=1)):
        result = sweep_task.enqueue()
        case.refresh_from_db()
        assert case.state == State.ACCEPTED
        work_rq_queue()
    _assert_escalated_by_the_sweep(case, org)
    assert sweep_task.get_result(result.id).return_value.startswith("escalated 1,")


# --- the command, as operators start it ------------------------------------------------------


def _environment(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JICENG_", "DATABASE_URL"))}
    env.update(JICENG_ENV="development", JICENG_HOME=str(home))
    env.update(DATABASE_URL=f"sqlite:///{home}/worker.sqlite3", **extra)
    return env


@pytest.fixture(scope="module")
def worker_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("worker")
    migrate = [str(JICENG), "manage", "migrate", "-v0"]
    done = subprocess.run(
        migrate, cwd=ROOT, env=_environment(home), capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return home


def _run_worker_until(home: Path, finished, **extra: str) -> int:
    """Start `jiceng worker` with a fast sweep, wait for ``finished()``, then stop it."""
    args = [str(JICENG), "worker", "--sweep-minutes", "0.02", "--hot-issues-minutes", "600"]
    worker = subprocess.Popen(args, cwd=ROOT, env=_environment(home, **extra))
    try:
        deadline = time.monotonic() + 90
        while not finished():
            assert worker.poll() is None, "the worker stopped by itself"
            assert time.monotonic() < deadline, "no sweep finished in time"
            time.sleep(0.2)
    finally:
        worker.terminate()
        code = worker.wait(timeout=30)
    return code


def test_the_worker_sweeps_through_the_database_queue(worker_home):
    def swept() -> bool:
        with sqlite3.connect(worker_home / "worker.sqlite3") as db:
            (count,) = db.execute(
                f"SELECT count(*) FROM {DBTaskResult._meta.db_table}"
                " WHERE task_path = 'jiceng.cases.tasks.sweep_task' AND status = 'SUCCESSFUL'"
            ).fetchone()
        return count >= 2  # the first tick and at least one after it

    assert _run_worker_until(worker_home, swept, JICENG_TASKS_BACKEND="database") == 0


@needs_redis
def test_the_worker_sweeps_through_rq(worker_home):
    from redis import Redis
    from rq.job import Job
    from rq.registry import FinishedJobRegistry

    registry = FinishedJobRegistry("default", connection=Redis.from_url(REDIS_URL))
    before = set(registry.get_job_ids())

    def swept() -> bool:
        new = set(registry.get_job_ids()) - before
        jobs = Job.fetch_many(list(new), connection=registry.connection)
        return sum(job is not None and job.func_name.endswith("sweep_task") for job in jobs) >= 2

    extra = {"JICENG_TASKS_BACKEND": "rq", "JICENG_REDIS_URL": REDIS_URL}
    assert _run_worker_until(worker_home, swept, **extra) == 0


def test_the_worker_refuses_the_immediate_backend(tmp_path):
    env = _environment(tmp_path, JICENG_ENV="test", JICENG_TASKS_BACKEND="immediate")
    done = subprocess.run(
        [str(JICENG), "worker"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "JICENG_TASKS_BACKEND=database or rq" in done.stderr


def test_the_worker_drains_the_outbox_within_seconds(worker_home):
    """A message written by a web process is sent by the worker's outbox relay."""
    with sqlite3.connect(worker_home / "worker.sqlite3") as db:
        db.execute(
            "INSERT INTO notices_message (key, channel, template, params, urgent, status,"
            " created_at, not_before, expect, attempts, lease, provider_id, error)"
            " VALUES ('worker-test', 'sms', 'case_received', '{}', 1, 'pending',"
            " '2026-03-02 01:00:00', '2026-03-02 01:00:00', '{}', 0, '', '', '')"
        )

    def drained() -> bool:
        with sqlite3.connect(worker_home / "worker.sqlite3") as db:
            (status,) = db.execute(
                "SELECT status FROM notices_message WHERE key = 'worker-test'"
            ).fetchone()
        # "sending" is claimed but not yet settled: stopping the worker then would leave it so.
        return status not in {"pending", "sending"}

    extra = {"JICENG_TASKS_BACKEND": "database", "JICENG_OUTBOX_POLL_SECONDS": "1"}
    # The relay's first round runs as the worker starts, so the worker may be stopped before
    # its task loop has set up its signal handlers: its exit code says nothing here.
    _run_worker_until(worker_home, drained, **extra)
    with sqlite3.connect(worker_home / "worker.sqlite3") as db:
        (status, error) = db.execute(
            "SELECT status, error FROM notices_message WHERE key = 'worker-test'"
        ).fetchone()
    assert (status, error) == ("cancelled", "no recipient")  # drained: it had nobody to go to
