"""Background tasks, cache and sessions.

One node runs the embedded database queue. Several nodes share Redis: the RQ queues, the
cache (public pages, dashboards) and sessions, so any node can serve any request.
"""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_ENV
from jiceng.core import env

env.section("Background tasks, cache and sessions")
JICENG_REDIS_URL = env.redis_url(
    "JICENG_REDIS_URL",
    help="redis://[:password@]host:6379/0, rediss://… or unix:///path; when set, every process "
    "shares Redis for the cache, the RQ queues and sessions",
)
JICENG_TASKS_BACKEND = env.choice(
    "JICENG_TASKS_BACKEND",
    "immediate" if JICENG_ENV == "test" else "database",
    ("immediate", "database", "rq"),
    help="database: the embedded queue; rq: Redis and RQ, for several nodes (needs "
    "JICENG_REDIS_URL); immediate: run at once (tests). jiceng worker runs the matching worker",
)
# Finished task results are kept this long: pruned from the database by the worker,
# expired by Redis on RQ.
JICENG_TASK_RETENTION_DAYS = env.integer(
    "JICENG_TASK_RETENTION_DAYS",
    7,
    minimum=1,
    help="days finished task results are kept (pruned by the worker; expired by Redis on RQ)",
)
# Who looked at personal data in clear is kept this long, then pruned by the worker. The
# Cybersecurity Law asks for at least six months of such logs, hence the minimum.
JICENG_ACCESS_LOG_RETENTION_DAYS = env.integer(
    "JICENG_ACCESS_LOG_RETENTION_DAYS",
    3 * 365,
    minimum=180,
    help="days the log of who saw personal data in clear is kept before the worker deletes it",
)
JICENG_TASK_QUEUES = ["default"]
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.backend.DatabaseBackend",
            "rq": "django_tasks_rq.backend.RQBackend",
        }[JICENG_TASKS_BACKEND],
        "QUEUES": JICENG_TASK_QUEUES,
    }
}
if JICENG_TASKS_BACKEND == "rq" and JICENG_REDIS_URL is None:
    raise ImproperlyConfigured(
        "JICENG_TASKS_BACKEND=rq needs JICENG_REDIS_URL (or JICENG_REDIS_URL_FILE), "
        "e.g. redis://127.0.0.1:6379/0"
    )
QUEUE_APPS: list[str] = [] if JICENG_REDIS_URL is None else ["django_rq"]
if JICENG_REDIS_URL is not None:
    RQ_QUEUES = {
        name: {"URL": JICENG_REDIS_URL, "QUEUE_CLASS": "jiceng.core.rq.RetainingQueue"}
        for name in JICENG_TASK_QUEUES
    }
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": JICENG_REDIS_URL,
            "KEY_PREFIX": "jiceng",
        }
    }
    # Reads come from Redis; the database copy keeps people logged in across a Redis restart.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
