"""Writes of the insights app: refreshing a county's stored hot issues for a month."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from jiceng.cases.models import Case, Kind
from jiceng.core import clock
from jiceng.insights.models import HotIssue, HotIssueRun
from jiceng.insights.rates import month_bounds
from jiceng.places.codes import code_range
from jiceng.textmining.hotissues import Message, find_hot_issues

# A problem counts as a hot issue when residents of at least this many villages raise it:
# one village's complaint is that village's case; several villages point at a root cause.
MIN_VILLAGES = 2
# Two similar messages can be chance (short texts share a greeting or a closing line);
# three voices are a pattern worth a leader's attention.
MIN_SIZE = 3
KEEP = 20
# Quarantined (suspected spam) requests are not residents' voices until a dispatcher releases them.
NOT_VOICES = ("quarantined",)


def _messages(county: str, year: int, month: int) -> tuple[list[Message], dict[str, str]]:
    start, end = month_bounds(year, month)
    rows = (
        Case.objects.filter(code_range("division_id", county), kind=Kind.REQUEST)
        .filter(submitted_at__gte=start, submitted_at__lt=end)
        .exclude(state__in=NOT_VOICES)
        .order_by("submitted_at", "pk")
        .values_list(
            "pk",
            "title",
            "description",
            "submitted_at",
            "division_id",
            "resident__phone_index",
            "category_id",
        )
    )
    messages, villages = [], {}
    for pk, title, description, at, village, phone, category in rows:
        # One phone is one voice however often it calls; the blind index tells, not the number.
        # The category lets grouping tell a problem from a stock phrase (textmining.hotissues).
        messages.append(
            Message(
                id=str(pk),
                title=title,
                text=description,
                time=at,
                user=phone or str(pk),
                category=category or "",
            )
        )
        villages[str(pk)] = village
    return messages, villages


def hot_issues_refresh(*, county: str, year: int, month: int) -> list[HotIssue]:
    """Group the month's requests of ``county`` and replace its stored hot issues."""
    messages, villages = _messages(county, year, month)
    now = min(clock.now(), month_bounds(year, month)[1])
    found = find_hot_issues(messages, top=None, now=now) if messages else []
    computed_at = clock.now()
    rows: list[HotIssue] = []
    for issue in found:
        spread = len({villages[member] for member in issue.members})
        too_small = issue.size < MIN_SIZE or spread < MIN_VILLAGES
        if too_small or issue.first_seen is None or issue.last_seen is None:
            continue
        rows.append(
            HotIssue(
                county=county,
                month=date(year, month, 1),
                rank=len(rows) + 1,
                label=issue.label[:200],
                heat=round(issue.heat, 3),
                size=issue.size,
                villages=spread,
                keywords=issue.keywords,
                case_ids=sorted(int(member) for member in issue.members),
                first_seen=issue.first_seen,
                last_seen=issue.last_seen,
                computed_at=computed_at,
            )
        )
        if len(rows) == KEEP:
            break
    first_day = date(year, month, 1)
    with transaction.atomic():
        HotIssue.objects.filter(county=county, month=first_day).delete()
        HotIssue.objects.bulk_create(rows)
        HotIssueRun.objects.update_or_create(
            county=county,
            month=first_day,
            defaults={"requests": len(messages), "computed_at": computed_at},
        )
    return rows
