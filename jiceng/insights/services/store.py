"""Storing a grouping's hot issues: the ranked rows, the run, and the grouping kept."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.db import transaction

from jiceng.core import clock
from jiceng.insights.models import HotIssue, HotIssueGrouping, HotIssueRun
from jiceng.insights.rates.counting import month_bounds
from jiceng.textmining.hotissues import Grouping, Message, rank_groups

# A problem counts as a hot issue when residents of at least this many villages raise it:
# one village's complaint is that village's case; several villages point at a root cause.
MIN_VILLAGES = 2
# Two similar messages can be chance (short texts share a greeting or a closing line);
# three voices are a pattern worth a leader's attention.
MIN_SIZE = 3
KEEP = 20


def store(
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
