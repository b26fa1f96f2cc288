"""Readiness and logging: when /readyz gives up on the task queue, and how logs are written."""

from __future__ import annotations

from jiceng.conf.language import TIME_ZONE
from jiceng.core import env, logs

env.section("Readiness and logging")
# /readyz: not ready while a background task has waited longer than this to run.
JICENG_READY_TASK_MINUTES = env.integer(
    "JICENG_READY_TASK_MINUTES",
    10,
    minimum=1,
    help="/readyz answers 503 while a background task has waited longer than this",
)
_LOG_LEVEL = env.choice(
    "JICENG_LOG_LEVEL",
    "info",
    ("debug", "info", "warning", "error"),
    help="the least severe log records written",
)
_LOG_FORMAT = env.choice(
    "JICENG_LOG_FORMAT",
    "text",
    ("text", "json"),
    help="text: one line a record; json: one object a line with time, level, logger, "
    "message and, for requests, path and status",
)
LOGGING = logs.config(level=_LOG_LEVEL.upper(), fmt=_LOG_FORMAT, zone=TIME_ZONE)
