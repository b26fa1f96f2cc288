"""What the worker would do after a bulk load, done once: statistics, model, hot issues."""

from __future__ import annotations

from django.db import connection
from django.utils.translation import gettext as _

from jiceng.demo import setup


def train_category_model() -> str:
    """The desk proposes categories from the start: train on the demo dispatchers' confirmations."""
    from jiceng.cases.training import TrainingError, retrain

    try:
        result = retrain(cv=False)
    except TrainingError as error:
        return str(error)
    return _("Category model trained on %(n)d confirmed categories: %(path)s") % {
        "n": result["samples"],
        "path": result["model"],
    }


def group_hot_issues(months: int = 3) -> None:
    """The worker regroups recent months hourly; the demo has no worker yet, so do it once."""
    from django.utils import timezone

    from jiceng.core import clock
    from jiceng.insights.services import hot_issues_refresh

    today = timezone.localdate(clock.now())
    year, month = today.year, today.month
    for _step in range(months):
        hot_issues_refresh(county=setup.COUNTY, year=year, month=month)
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)


def refresh_planner_statistics() -> None:
    """After a bulk load the query planner's statistics are stale; refresh them once."""
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
