"""The worker's periodic jobs keep their schedule through failures."""

import logging
import threading
import time

import pytest
from django.db import connection

from jiceng.core import schedule

TICK = 0.05 / 60  # minutes: a twentieth of a second


class FailsOnce:
    """A job whose first run fails the way an enqueue fails while Redis is down."""

    def __init__(self) -> None:
        self.calls = 0
        self.succeeded = threading.Event()

    def __call__(self) -> None:
        self.calls += 1
        if self.calls == 1:
            raise ConnectionError("Redis is down")
        self.succeeded.set()


def test_a_failing_job_is_logged_and_runs_again_at_the_next_tick(caplog):
    job, stop = FailsOnce(), threading.Event()
    with caplog.at_level(logging.ERROR, logger="jiceng.core.schedule"):
        (thread,) = schedule.start([("sweep-scheduler", TICK, job)], stop)
        try:
            assert job.succeeded.wait(timeout=10), "the second tick never ran"
            assert thread.is_alive()
        finally:
            stop.set()
            thread.join(timeout=10)
    assert job.calls >= 2
    (record,) = [r for r in caplog.records if r.name == "jiceng.core.schedule"]
    assert "sweep-scheduler" in record.getMessage()
    assert record.exc_info is not None and record.exc_info[0] is ConnectionError


def test_setting_stop_ends_the_thread_while_it_waits_for_the_next_tick():
    ran, stop = threading.Event(), threading.Event()
    (thread,) = schedule.start([("hot-issues-scheduler", 60.0, ran.set)], stop)
    assert ran.wait(timeout=10)
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive()


def test_each_entry_gets_its_own_named_thread():
    stop = threading.Event()
    stop.set()  # nothing runs: only the threads' names are checked
    threads = schedule.start([("a-scheduler", 1.0, list), ("b-scheduler", 1.0, list)], stop)
    assert [t.name for t in threads] == ["a-scheduler", "b-scheduler"]
    assert all(t.daemon for t in threads)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="ends a session: PostgreSQL only")
def test_a_job_whose_connection_the_database_dropped_runs_again_on_a_new_one():
    """A restart or failover ends the thread's session: the next tick opens a new one."""
    sessions, stop = [], threading.Event()

    def job() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            sessions.append(cursor.fetchone()[0])

    def seen(condition) -> bool:
        deadline = time.monotonic() + 10
        while not condition() and time.monotonic() < deadline:
            time.sleep(0.01)
        return condition()

    (thread,) = schedule.start([("outbox", TICK, job)], stop)
    try:
        # The thread keeps its session between ticks (CONN_MAX_AGE).
        assert seen(lambda: len(sessions) >= 2) and len(set(sessions)) == 1
        first = sessions[0]
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [first])
        assert seen(lambda: sessions[-1] != first), "the job never ran on a new session"
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()
    # A stopped schedule leaves no session open (a test database could not be dropped).
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s)", [sessions])
        assert cursor.fetchone() == (0,)
