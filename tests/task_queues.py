"""Run the real task queues inside a test: the database queue and RQ, each until empty.

Tests run tasks eagerly (the immediate backend); these helpers switch a test to a real
backend and work its queue in this process, so the test database sees what tasks did.
"""

import signal

from django.core.management import call_command

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend", "QUEUES": ["default"]}
}
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.backend.RQBackend", "QUEUES": ["default"]}}
_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)


def work_database_queue() -> None:
    """``db_worker --batch``: run every waiting task, then return."""
    # The worker installs its own Ctrl+C handlers; the test run keeps pytest's.
    saved = {number: signal.getsignal(number) for number in _SIGNALS}
    try:
        call_command(
            "db_worker", batch=True, startup_delay=False, reload=False, interval=0.0, verbosity=0
        )
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def work_rq_queue() -> None:
    """An RQ worker in burst mode, without forking, on the queue django-tasks-rq uses."""
    import django_rq
    from django_tasks_rq.backend import Job
    from rq import SimpleWorker

    queue = django_rq.get_queue("default", job_class=Job)
    SimpleWorker([queue], connection=queue.connection, job_class=Job).work(burst=True)
