"""Reads of campaigns: the list, linked cases, proposed new cases, burn-down, root causes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from jiceng.campaigns.models import Campaign
from jiceng.cases.intake import case_text
from jiceng.cases.models import OPEN_STATES, Case, CaseEvent, EventKind
from jiceng.cases.permissions import visible_cases
from jiceng.cases.rootcauses import ROOT_CAUSE, label
from jiceng.core import clock
from jiceng.people.models import User
from jiceng.places.codes import code_range
from jiceng.textmining.duplicates import DuplicateIndex

CANDIDATES = 500  # the newest open cases of the area that are compared
PROPOSE_MIN_SCORE = 0.2
MAX_DAYS = 400


def campaigns_for(user: User) -> QuerySet[Campaign]:
    area = user.jurisdiction
    if area == "-":
        return Campaign.objects.none()
    wider = [area[:n] for n in (6, 9, 12) if n <= len(area)]
    mine = Q(area__startswith=area) | Q(area__in=wider)
    return Campaign.objects.filter(mine).select_related("lead_unit")


def linked_cases(user: User, campaign: Campaign) -> QuerySet[Case]:
    ids = campaign.links.values("case_id")
    return visible_cases(user).filter(pk__in=ids).select_related("division", "owner")


def oldest_open_first(user: User, campaign: Campaign) -> QuerySet[Case]:
    return linked_cases(user, campaign).filter(state__in=OPEN_STATES).order_by("submitted_at")


def proposed_cases(user: User, campaign: Campaign, *, limit: int = 10) -> list[Case]:
    """Open cases of the area, not linked yet, that say what the linked cases (or keywords) say."""
    linked = list(linked_cases(user, campaign).values_list("title", "description"))
    probes = [case_text(t, d) for t, d in linked] + (
        [campaign.keywords] if campaign.keywords else []
    )
    if not probes:
        return []
    candidates = (
        visible_cases(user)
        .filter(code_range("division_id", campaign.area), state__in=OPEN_STATES)
        .exclude(pk__in=campaign.links.values("case_id"))
        .order_by("-pk")[:CANDIDATES]
    )
    by_id = {str(case.pk): case for case in candidates}
    index = DuplicateIndex()
    index.add_many((key, case_text(c.title, c.description)) for key, c in by_id.items())
    scores: dict[str, float] = {}
    for probe in probes:
        for key, score in index.query(probe, k=limit, min_score=PROPOSE_MIN_SCORE):
            scores[key] = max(score, scores.get(key, 0.0))
    best = sorted(scores, key=lambda key: -scores[key])[:limit]
    return [by_id[key] for key in best]


@dataclass(frozen=True)
class Day:
    day: date
    open: int


def public_cases(campaign: Campaign) -> QuerySet[Case]:
    """All the linked cases, for counts on the portal (which shows no case itself)."""
    return Case.objects.filter(pk__in=campaign.links.values("case_id"))


def burn_down(cases: QuerySet[Case], campaign: Campaign) -> list[Day]:
    """Of ``cases``, how many were open at the end of each day from the start to today."""
    zone = timezone.get_current_timezone()
    start = timezone.localtime(campaign.created_at).date()
    today = timezone.localtime(clock.now()).date()
    rows = list(cases.values_list("submitted_at", "resolved_at", "state"))
    days = []
    for offset in range(min((today - start).days, MAX_DAYS) + 1):
        day = start + timedelta(days=offset)
        end = timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min), zone)
        still_open = sum(
            1
            for submitted, resolved, state in rows
            if submitted < end and (resolved is None or resolved >= end or state in OPEN_STATES)
        )
        days.append(Day(day, still_open))
    return days


def root_causes(user: User, campaign: Campaign) -> list[tuple[str, int]]:
    """The causes recorded when the campaign's cases were resolved (each case's last)."""
    ids = linked_cases(user, campaign).values("pk")
    rows = (
        CaseEvent.objects.filter(case_id__in=ids, kind=EventKind.RESOLVE, data__has_key=ROOT_CAUSE)
        .order_by("case_id", "seq")
        .values_list("case_id", "data")
    )
    last = {case: data[ROOT_CAUSE] for case, data in rows}
    return [(label(code), count) for code, count in Counter(last.values()).most_common()]


@dataclass(frozen=True)
class Bar:
    x: int
    y: int
    height: int
    day: date
    open: int


def bars(days: list[Day]) -> list[Bar]:
    """The burn-down's bars on a 100-high chart, the highest day full height."""
    peak = max([day.open for day in days] + [1])
    heights = [round(100 * day.open / peak) for day in days]
    return [
        Bar(i, 100 - h, h, d.day, d.open)
        for i, (d, h) in enumerate(zip(days, heights, strict=True))
    ]


def imported(cases: QuerySet[Case]) -> set[int]:
    """The ids of ``cases`` that came in by the 旧账 import (their submit event says so)."""
    events = CaseEvent.objects.filter(
        case_id__in=cases.values("pk"), kind=EventKind.SUBMIT, data__imported=True
    )
    return set(events.values_list("case_id", flat=True))
