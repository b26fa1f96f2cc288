"""The three rates (响应率 / 解决率 / 满意率), the composite score and local-resolution shares.

The definitions live in this package and nowhere else; docs/rates.md explains them with
worked examples. All figures are counted from event and rating rows (never from
counters), per calendar month in local time; a month the worker has rolled up is read
from cells written by this same counting (:mod:`jiceng.insights.rollups`). Consultations have no
clocks and no ratings, so they never count.

**Clocks belong to the unit that held the case.** An event with a response
deadline (``respond_by``) hands the case to its ``unit`` and starts that unit's
clock: dispatch, escalation and reopening, and submission, release and return
once they carry the dispatch centre's deadline for cases waiting to be
dispatched (:data:`HANDOVERS`). Until the
next handover the case is that unit's, so the first *response* after the clock
(:data:`RESPONSES`) is that unit's answer; the clock is answered in time when it
is at or before the deadline. A handover is itself a response, so escalating or
returning a case in time answers the giver's clock, and the receiver's clock
starts there. A clock counts in the month it started.

- response rate = clocks answered in time ÷ clocks;
- resolution rate = ratings saying "solved" ÷ ratings, for ``Rating.unit`` (the
  resolving unit), in the month rated;
- satisfaction rate = (满意 + w × 基本满意) ÷ ratings, w from settings;
- composite = weighted sum of the three (default 30/35/35), in points of 100.

**The area rule.** A unit sits in its ``Unit.division``. An area's figure adds up
the work of every unit sitting in it or under it: a village's is its village
committee's; a township's is its government's plus its village committees'; a
county's adds its departments, its government and its dispatch centre. Work is
never counted by where the case happened: a county department's case in a
village counts for the county, not for the village.

**Honest rankings.** Fewer than ``JICENG_RANKING_MIN_RATED`` ratings: shown as
too few, not ranked. Equal scores share a rank (1, 1, 3). Each rate carries its
count and a 95 % Wilson score interval.

Local-resolution shares (reported, not scored) are by place on purpose: of the
cases located in an area, how many were resolved by a village, township or
county unit.

The package: ``clocks`` (what a clock is and what answers it), ``counting`` (the grouped
queries), ``area`` (the counts of one area or unit and the rates that follow), ``interval``
(one rate and its interval), ``ranking`` and ``months`` (what the pages read).
"""

from jiceng.insights.rates.area import AreaRates as AreaRates
from jiceng.insights.rates.counting import month_bounds as month_bounds
from jiceng.insights.rates.interval import Rate as Rate
from jiceng.insights.rates.interval import wilson as wilson
from jiceng.insights.rates.months import MonthFigures as MonthFigures
from jiceng.insights.rates.months import area_months as area_months
from jiceng.insights.rates.months import month_figures as month_figures
from jiceng.insights.rates.months import monthly_rates as monthly_rates
from jiceng.insights.rates.months import unit_rates as unit_rates
from jiceng.insights.rates.ranking import RANKED_KINDS as RANKED_KINDS
from jiceng.insights.rates.ranking import rank as rank
