"""What the leaders' dashboard reads, always inside the acting user's jurisdiction.

An :class:`Area` (a county, or a township inside it) is the unit of drill-down:
its figures are broken down by its child divisions (townships, or villages).
:func:`dashboard_area` is the only way to get one, and it checks the user's
role and jurisdiction; every selector here checks again before reading.

The rates, the area rule and the ranking come from :mod:`jiceng.insights.rates`
and are not restated here: the ranking, the area's own figures and the
twelve-month trend all read them from there.

``area`` (who may look, and where), ``month`` (the chosen month), ``trends`` (twelve
months) and ``backlog`` (open requests now).
"""

from jiceng.insights.dashboard.area import Area as Area
from jiceng.insights.dashboard.area import area_choices as area_choices
from jiceng.insights.dashboard.area import can_view_dashboard as can_view_dashboard
from jiceng.insights.dashboard.area import dashboard_area as dashboard_area
from jiceng.insights.dashboard.backlog import AGE_THRESHOLDS as AGE_THRESHOLDS
from jiceng.insights.dashboard.backlog import Backlog as Backlog
from jiceng.insights.dashboard.backlog import backlog as backlog
from jiceng.insights.dashboard.backlog import oldest_open as oldest_open
from jiceng.insights.dashboard.month import month_rates as month_rates
from jiceng.insights.dashboard.month import ranking as ranking
from jiceng.insights.dashboard.month import received as received
from jiceng.insights.dashboard.month import units_here as units_here
from jiceng.insights.dashboard.trends import MonthRates as MonthRates
from jiceng.insights.dashboard.trends import trends as trends
