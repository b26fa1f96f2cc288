"""Writes of the insights app: refreshing a county's stored hot issues for a month.

Two ways, both ending in the same stored rows:

* :func:`hot_issues_refresh` groups the month from scratch and keeps the grouping
  (:class:`~jiceng.insights.models.HotIssueGrouping`): the nightly run, the dashboard's
  refresh button, ``jiceng hot-issues``;
* :func:`hot_issues_update` places only the requests that arrived since into the kept
  grouping, and drops those quarantined or gone since: the hourly run. It regroups
  instead when nothing is kept yet, when the kept grouping cannot be read, or when the
  last regroup is older than :data:`FULL_REGROUP_AFTER` (so once a night).

A city's month of 100,000 requests regroups in about a minute and updates in seconds
(bench/textmining/README.md).
"""

from __future__ import annotations

import logging
from datetime import date, timedelta

from jiceng.core import clock
from jiceng.insights.models import HotIssue, HotIssueGrouping
from jiceng.insights.services.messages import month_messages
from jiceng.insights.services.store import store
from jiceng.textmining.hotissues import Grouping, StateError

logger = logging.getLogger(__name__)

# Placing new requests never merges two kept groups; regrouping does, once this old.
FULL_REGROUP_AFTER = timedelta(hours=20)


def hot_issues_refresh(*, county: str, year: int, month: int) -> list[HotIssue]:
    """Group the month's requests of ``county`` afresh and replace its stored hot issues."""
    messages, villages = month_messages(county, year, month)
    grouping = Grouping.build(messages)
    return store(county, year, month, grouping, messages, villages, regrouped=True)


def hot_issues_update(*, county: str, year: int, month: int) -> list[HotIssue]:
    """Place the requests that arrived since the last run into the kept grouping.

    Regroups instead when there is nothing usable to place into (module docstring).
    """
    kept = HotIssueGrouping.objects.filter(county=county, month=date(year, month, 1)).first()
    if kept is None or kept.regrouped_at < clock.now() - FULL_REGROUP_AFTER:
        return hot_issues_refresh(county=county, year=year, month=month)
    try:
        grouping = Grouping.from_bytes(bytes(kept.state))
    except StateError as error:
        logger.warning("hot issues of %s %d-%02d regrouped: %s", county, year, month, error)
        return hot_issues_refresh(county=county, year=year, month=month)
    messages, villages = month_messages(county, year, month, known=frozenset(grouping.ids))
    grouping.remove(set(grouping.ids) - villages.keys())
    grouping.place(messages)
    return store(county, year, month, grouping, messages, villages, regrouped=False)
