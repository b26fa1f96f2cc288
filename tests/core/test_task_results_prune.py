"""Finished task results of the database queue are deleted after the retention period."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from jiceng.core import clock
from jiceng.core.task_results import task_results_prune
from jiceng.core.tasks import prune_task_results_task

from task_queues import DATABASE_TASKS, work_database_queue

# The worker runs its tasks in transactions of its own and checks connections between them.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@task()
def counts(n: int) -> int:
    return n


@task()
def fails() -> None:
    raise RuntimeError("the task went wrong")


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_TASKS


def _statuses() -> list[str]:
    return sorted(DBTaskResult.objects.values_list("status", flat=True))


def test_finished_results_older_than_the_period_are_deleted(database_queue):
    counts.enqueue(1)
    fails.enqueue()
    work_database_queue()
    assert _statuses() == [TaskResultStatus.FAILED, TaskResultStatus.SUCCESSFUL]
    with clock.frozen_at(timezone.now() + timedelta(days=7, minutes=1)):
        assert task_results_prune(older_than=timedelta(days=7)) == 2
    assert _statuses() == []


def test_results_younger_than_the_period_are_kept(database_queue):
    counts.enqueue(1)
    fails.enqueue()
    work_database_queue()
    with clock.frozen_at(timezone.now() + timedelta(days=6)):
        assert task_results_prune(older_than=timedelta(days=7)) == 0
    assert len(_statuses()) == 2


def test_waiting_tasks_are_never_deleted_however_old(database_queue):
    waiting = counts.enqueue(2)
    with clock.frozen_at(timezone.now() + timedelta(days=365)):
        assert task_results_prune(older_than=timedelta(days=7)) == 0
    assert DBTaskResult.objects.get(pk=waiting.id).status == TaskResultStatus.READY


def test_the_prune_task_uses_the_retention_setting(database_queue, settings):
    settings.JICENG_TASK_RETENTION_DAYS = 3
    counts.enqueue(3)
    work_database_queue()
    with clock.frozen_at(timezone.now() + timedelta(days=3, minutes=1)):
        pruning = prune_task_results_task.enqueue()
        work_database_queue()
    # The pruning task's own result is new, so it is what remains.
    assert prune_task_results_task.get_result(pruning.id).return_value == 1
    assert list(DBTaskResult.objects.values_list("task_path", flat=True)) == [
        "jiceng.core.tasks.prune_task_results_task"
    ]


def test_a_period_of_zero_is_refused():
    with pytest.raises(ValueError, match="positive"):
        task_results_prune(older_than=timedelta(0))
