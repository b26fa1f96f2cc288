"""On RQ, Redis keeps finished task results as long as the database queue keeps its rows."""

import os

import pytest
from django_tasks import TaskResultStatus, task

from task_queues import RQ_TASKS, work_rq_queue

pytestmark = pytest.mark.skipif(
    not os.environ.get("JICENG_REDIS_URL"), reason="set JICENG_REDIS_URL to test RQ"
)


@task()
def counts(n: int) -> int:
    return n


@task()
def fails() -> None:
    raise RuntimeError("the task went wrong")


@pytest.fixture
def rq_queue(settings):
    settings.TASKS = RQ_TASKS
    settings.JICENG_TASK_RETENTION_DAYS = 3


def _seconds_kept(result_id: str) -> int:
    import django_rq

    return django_rq.get_connection("default").ttl(f"rq:job:{result_id}")


def test_successful_and_failed_results_expire_after_the_retention_period(rq_queue):
    succeeded, failed = counts.enqueue(5), fails.enqueue()
    work_rq_queue()
    assert counts.get_result(succeeded.id).status == TaskResultStatus.SUCCESSFUL
    assert fails.get_result(failed.id).status == TaskResultStatus.FAILED
    three_days = 3 * 24 * 60 * 60
    assert three_days - 60 < _seconds_kept(succeeded.id) <= three_days
    assert three_days - 60 < _seconds_kept(failed.id) <= three_days
