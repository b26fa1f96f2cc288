"""Scoped reads for the workbench: queues, filters, search, one case with its history.

Every case query starts from :func:`permissions.visible_cases`, so a filter can
only narrow what the user may already see; a parameter naming another unit's
village finds nothing. Lists load their related rows in the same query.

``queues`` (the user's own queue and their area's cases), ``filters``, ``case`` (one case
and what the user may do with it) and ``places`` (where lists may be narrowed to).
"""

from jiceng.cases.selectors.case import available_actions as available_actions
from jiceng.cases.selectors.case import can_reveal as can_reveal
from jiceng.cases.selectors.case import case_detail as case_detail
from jiceng.cases.selectors.case import case_timeline as case_timeline
from jiceng.cases.selectors.filters import CaseFilters as CaseFilters
from jiceng.cases.selectors.filters import filter_cases as filter_cases
from jiceng.cases.selectors.filters import within as within
from jiceng.cases.selectors.places import dispatch_targets as dispatch_targets
from jiceng.cases.selectors.places import jurisdiction_townships as jurisdiction_townships
from jiceng.cases.selectors.places import jurisdiction_villages as jurisdiction_villages
from jiceng.cases.selectors.places import place_in_jurisdiction as place_in_jurisdiction
from jiceng.cases.selectors.queues import area_cases as area_cases
from jiceng.cases.selectors.queues import queue_cases as queue_cases
from jiceng.cases.selectors.queues import queue_states as queue_states
