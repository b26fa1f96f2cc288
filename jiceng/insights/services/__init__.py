"""Writes of the insights app: refreshing a county's stored hot issues for a month.

``hot_issues`` holds the two ways (regroup, or place new requests into the kept grouping);
``messages`` reads the month's requests, ``store`` writes what the grouping found.
"""

from jiceng.insights.services.hot_issues import FULL_REGROUP_AFTER as FULL_REGROUP_AFTER
from jiceng.insights.services.hot_issues import hot_issues_refresh as hot_issues_refresh
from jiceng.insights.services.hot_issues import hot_issues_update as hot_issues_update
