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
from collections.abc import Sequence
from datetime import date, timedelta

from django.db import transaction

from jiceng.cases.models import Case, Kind
from jiceng.core import clock
from jiceng.insights.models import HotIssue, HotIssueGrouping, HotIssueRun
from jiceng.insights.rates import month_bounds
from jiceng.places.codes import code_range
from jiceng.textmining.hotissues import Grouping, Message, StateError, rank_groups

logger = logging.getLogger(__name__)

# A problem counts as a hot issue when residents of at least this many villages raise it:
# one village's complaint is that village's case; several villages point at a root cause.
MIN_VILLAGES = 2
# Two similar messages can be chance (short texts share a greeting or a closing line);
# three voices are a pattern worth a leader's attention.
MIN_SIZE = 3
KEEP = 20
# Quarantined (suspected spam) requests are not residents' voices until a dispatcher releases them.
NOT_VOICES = ("quarantined",)
# Placing new requests never merges two kept groups; regrouping does, once this old.
FULL_REGROUP_AFTER = timedelta(hours=20)
# More new requests than this (a worker down for a day) are read with the month's query.
_READ_BY_PK = 2000


def _messages(
    county: str, year: int, month: int, known: frozenset[str] = frozenset()
) -> tuple[list[Message], dict[str, str]]:
    """The month's requests as messages, and the village of each.

    Requests in ``known`` (already grouped) come without their description: only new
    ones are read in full, so an hourly run over a busy month stays light.
    """
    start, end = month_bounds(year, month)
    requests = (
        Case.objects.filter(code_range("division_id", county), kind=Kind.REQUEST)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .exclude(state__in=NOT_VOICES)
        .order_by("submitted_at", "pk")
    )
    rows = list(
        requests.values_list(
            "pk", "title", "submitted_at", "division_id", "resident__phone_index", "category_id"
        )
    )
    new_pks = [pk for pk, *_ in rows if str(pk) not in known]
    if known and len(new_pks) <= _READ_BY_PK:
        requests = requests.filter(pk__in=new_pks)
    descriptions = dict(requests.values_list("pk", "description"))
    messages, villages = [], {}
    for pk, title, at, village, phone, category in rows:
        # One phone is one voice however often it calls; the blind index tells, not the number.
        # The category lets grouping tell a problem from a stock phrase (textmining.hotissues).
        messages.append(
            Message(
                id=str(pk),
                title=title,
                text=descriptions.get(pk, ""),
                time=at,
                user=phone or str(pk),
                category=category or "",
            )
        )
        villages[str(pk)] = village
    return messages, villages


def hot_issues_refresh(*, county: str, year: int, month: int) -> list[HotIssue]:
    """Group the month's requests of ``county`` afresh and replace its stored hot issues."""
    messages, villages = _messages(county, year, month)
    grouping = Grouping.build(messages)
    return _store(county, year, month, grouping, messages, villages, regrouped=True)


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
    messages, villages = _messages(county, year, month, known=frozenset(grouping.ids))
    grouping.remove(set(grouping.ids) - villages.keys())
    grouping.place(messages)
    return _store(county, year, month, grouping, messages, villages, regrouped=False)


def _store(
    county: str,
    year: int,
    month: int,
    grouping: Grouping,
    messages: list[Message],
    villages: dict[str, str],
    *,
    regrouped: bool,
) -> list[HotIssue]:
    now = min(clock.now(), month_bounds(year, month)[1])

    def from_villages(members: Sequence[Message]) -> bool:
        return len({villages[m.id] for m in members}) >= MIN_VILLAGES

    found = rank_groups(
        grouping, messages, top=KEEP, min_size=MIN_SIZE, now=now, accept=from_villages
    )
    computed_at = clock.now()
    rows: list[HotIssue] = []
    for issue in found:
        if issue.first_seen is None or issue.last_seen is None:
            continue
        rows.append(
            HotIssue(
                county=county,
                month=date(year, month, 1),
                rank=len(rows) + 1,
                label=issue.label[:200],
                heat=round(issue.heat, 3),
                size=issue.size,
                villages=len({villages[member] for member in issue.members}),
                keywords=issue.keywords,
                case_ids=sorted(int(member) for member in issue.members),
                first_seen=issue.first_seen,
                last_seen=issue.last_seen,
                computed_at=computed_at,
            )
        )
    first_day = date(year, month, 1)
    state = grouping.to_bytes()
    with transaction.atomic():
        HotIssue.objects.filter(county=county, month=first_day).delete()
        HotIssue.objects.bulk_create(rows)
        HotIssueRun.objects.update_or_create(
            county=county,
            month=first_day,
            defaults={"requests": len(messages), "computed_at": computed_at},
        )
        kept = {"state": state, "requests": len(grouping), "updated_at": computed_at}
        if regrouped:
            kept["regrouped_at"] = computed_at
        HotIssueGrouping.objects.update_or_create(county=county, month=first_day, defaults=kept)
    return rows
