"""Case rules and the rates: windows, the satisfaction weight, ranking and composite weights
(docs/cases.md, docs/rates.md)."""

from __future__ import annotations

from django.core.exceptions import ImproperlyConfigured

from jiceng.conf.environment import JICENG_HOME
from jiceng.core import env

env.section("Case rules and rates", doc="rates.md")
JICENG_REOPEN_WINDOW_DAYS = env.integer(
    "JICENG_REOPEN_WINDOW_DAYS", 15, minimum=1, help="days after resolution a case may be reopened"
)
JICENG_RATING_WINDOW_DAYS = env.integer(
    "JICENG_RATING_WINDOW_DAYS",
    7,
    minimum=1,
    help="days after which an unrated resolved case closes without a rating",
)
JICENG_BASIC_SATISFIED_WEIGHT = env.integer(
    "JICENG_BASIC_SATISFIED_WEIGHT_PERCENT",
    100,
    minimum=0,
    help="weight of 基本满意 (basically satisfied) in the satisfaction rate, in percent",
)
# Where the worker writes the daily history anchor; copy it off the machine (docs/history.md).
JICENG_ANCHOR_DIR = env.directory(
    "JICENG_ANCHOR_DIR",
    JICENG_HOME / "anchors",
    help="where jiceng worker writes the daily signed history anchor; copy each off the "
    "machine (history.md)",
)
# Fewer ratings than this in a month: shown as "too few ratings", not ranked (docs/rates.md).
JICENG_RANKING_MIN_RATED = env.integer(
    "JICENG_RANKING_MIN_RATED",
    10,
    minimum=1,
    help="a unit with fewer rated cases in the month shows 样本不足 (too few) and is not ranked",
)
_SCORE_WEIGHTS = env.csv_list(
    "JICENG_SCORE_WEIGHTS",
    "30,35,35",
    help="composite score weights of the response, resolution and satisfaction rates; "
    "three whole numbers summing to 100",
)
JICENG_SCORE_WEIGHTS = tuple(int(w) for w in _SCORE_WEIGHTS)
if len(JICENG_SCORE_WEIGHTS) != 3 or sum(JICENG_SCORE_WEIGHTS) != 100:
    raise ImproperlyConfigured(
        "JICENG_SCORE_WEIGHTS must be three integers summing to 100, e.g. 30,35,35"
    )
