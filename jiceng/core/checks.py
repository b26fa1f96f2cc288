"""System checks that look at the deployment's data, shown by ``jiceng manage check``."""

from __future__ import annotations

from typing import Any

from django.core import checks
from django.db import DatabaseError, transaction
from django.utils import timezone

from jiceng.core import calendar, clock


def holiday_calendar_check(**_kwargs: Any) -> list[checks.CheckMessage]:
    """Warn when this year, or from 1 October next year, has no official holiday calendar."""
    try:
        # A savepoint, so that a missing table does not spoil a transaction around the check.
        with transaction.atomic():
            message = calendar.missing_year_warning(timezone.localdate(clock.now()))
    except DatabaseError:
        # No database or no tables yet (a fresh install, makemigrations): migrate loads the
        # calendar, and the database's own problems are reported elsewhere.
        return []
    if message is None:
        return []
    return [
        checks.Warning(
            message,
            hint="jiceng calendar show --year YEAR; jiceng calendar import FILE",
            obj="core.CalendarDay",
            id="jiceng.W001",
        )
    ]
