"""Quiet hours: when SMS that are not urgent wait for the morning."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.utils import timezone


def in_quiet_hours(moment: datetime) -> bool:
    start, end = settings.JICENG_QUIET_HOURS
    hour = timezone.localtime(moment).hour
    return hour >= start or hour < end if start > end else start <= hour < end


def end_of_quiet_hours(moment: datetime) -> datetime:
    _start, end = settings.JICENG_QUIET_HOURS
    local = timezone.localtime(moment)
    morning = local.replace(hour=end, minute=0, second=0, microsecond=0)
    if morning <= local:
        morning = timezone.make_aware(
            datetime.combine(local.date() + timedelta(days=1), time(end)),
            timezone.get_current_timezone(),
        )
    return morning
