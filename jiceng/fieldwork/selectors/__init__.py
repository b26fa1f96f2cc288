"""Reads for field work, always inside the user's village (or township, for figures).

Coverage is the figure that goes upward: the share of vulnerable households
visited recently enough. There is deliberately no count of visits per cadre.
"""

from jiceng.fieldwork.selectors.coverage import Coverage as Coverage
from jiceng.fieldwork.selectors.coverage import CoverageRow as CoverageRow
from jiceng.fieldwork.selectors.coverage import coverage as coverage
from jiceng.fieldwork.selectors.coverage import coverage_by_village as coverage_by_village
from jiceng.fieldwork.selectors.visits import household_visits as household_visits
from jiceng.fieldwork.selectors.visits import my_visits as my_visits
from jiceng.fieldwork.selectors.visits import open_follow_ups as open_follow_ups
