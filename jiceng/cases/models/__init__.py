"""Cases (诉求/工单), their append-only history, ratings and the rules that route them.

One module per table family: ``catalogue`` (time limits, categories, dispatch catalogue),
``case``, ``event`` (the history), ``archive`` (its detached months), ``rating``,
``attachment`` and ``search``. Every model is imported here, so Django finds them and
``jiceng.cases.models.Case`` keeps working.
"""

from jiceng.cases.models.archive import ArchivedHead, ArchivedMonth
from jiceng.cases.models.attachment import CaseAttachment
from jiceng.cases.models.case import OPEN_STATES, Case, Channel, Kind, State, Urgency
from jiceng.cases.models.catalogue import (
    TIER_ORDER,
    Category,
    CategoryGroup,
    DispatchRule,
    Tier,
    TimeLimit,
)
from jiceng.cases.models.event import CLOCK_EVENTS, PUBLIC_EVENTS, CaseEvent, EventKind
from jiceng.cases.models.rating import Rating, RatingSource, Satisfaction
from jiceng.cases.models.search import CaseSearch

__all__ = [
    "CLOCK_EVENTS",
    "OPEN_STATES",
    "PUBLIC_EVENTS",
    "TIER_ORDER",
    "ArchivedHead",
    "ArchivedMonth",
    "Case",
    "CaseAttachment",
    "CaseEvent",
    "CaseSearch",
    "Category",
    "CategoryGroup",
    "Channel",
    "DispatchRule",
    "EventKind",
    "Kind",
    "Rating",
    "RatingSource",
    "Satisfaction",
    "State",
    "Tier",
    "TimeLimit",
    "Urgency",
]
