"""Background tasks of the insights app: thin wrappers around services."""

from __future__ import annotations

from django_tasks import task

from jiceng.insights.services.hot_issues import hot_issues_refresh, hot_issues_update


@task()
def hot_issues_task(county: str, year: int, month: int, incremental: bool = False) -> int:
    """Regroup a county's month, or (``incremental``) place its new requests only."""
    refresh = hot_issues_update if incremental else hot_issues_refresh
    return len(refresh(county=county, year=year, month=month))


@task()
def rollups_refresh_task() -> int:
    """Recount the rate cells that events since the last run touched (insights.rollups)."""
    from jiceng.insights.rollups.refresh import refresh

    return refresh()


def enqueue_recent_hot_issues() -> int:
    """Update this month and last month in every county that takes requests.

    Each update places the new requests only, and regroups a month whose last regroup
    is older than ``services.FULL_REGROUP_AFTER``: hourly runs cost seconds, and each
    month is regrouped about once a night.
    """
    from django.utils import timezone

    from jiceng.core import clock
    from jiceng.insights.hotissues import counties_taking_requests

    today = timezone.localdate(clock.now())
    last = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    counties = counties_taking_requests()
    for county in counties:
        for year, month in ((today.year, today.month), last):
            hot_issues_task.enqueue(county, year, month, True)
    return len(counties)
