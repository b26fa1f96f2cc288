"""The plans of the queries that read open cases by place, with their buffers.

    JICENG_ENV=test DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_city \\
        .venv/bin/python -m bench.city.plans --county 330602

The area queue of the county's first dispatcher (its count and first page), its own
queue, call-back list and unread inbox count, one case's events and ratings read from
every month and from its submission on (the newest and the oldest case the dispatcher
sees), the dashboard's backlog by age and oldest open requests, and its received count
for the county leader: each query's ``EXPLAIN (ANALYZE, BUFFERS)`` and, first, a one-line
summary (execution and planning time, shared buffers hit and read, the indexes used).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.db.models import QuerySet

ROOT = Path(__file__).resolve().parents[2]


def queries(county: str) -> Iterator[tuple[str, QuerySet]]:  # type: ignore[type-arg]
    from django.utils import timezone

    from jiceng.cases import selectors
    from jiceng.cases.models import OPEN_STATES
    from jiceng.insights import dashboard
    from jiceng.insights.dashboard.backlog import open_requests
    from jiceng.insights.rollups.models import ReceivedCell
    from jiceng.insights.rollups.received import TALLY, received_cases
    from jiceng.people.models import User
    from jiceng.places.codes import code_range

    dispatcher = User.objects.get(username=f"d{county}-0")
    leader = User.objects.get(username=f"l{county}")
    # The area tab without a chosen state lists the open ones (forms.queue).
    filters = selectors.CaseFilters(states=tuple(OPEN_STATES))
    area_queue = selectors.filter_cases(selectors.area_cases(dispatcher), filters)
    yield "area queue, dispatcher: count", area_queue
    yield "area queue, dispatcher: first page", area_queue[:50]
    area = dashboard.dashboard_area(leader, county)
    backlog = open_requests(leader, area)
    yield "dashboard backlog, leader", backlog
    yield "dashboard oldest, leader", backlog.order_by("submitted_at", "id")[:20]
    yield from calls_and_queue(dispatcher)
    yield from one_case(dispatcher)
    today = timezone.localdate()
    this = today.replace(day=1)
    last = (this - timedelta(days=1)).replace(day=1)
    for name, month in (("this month", this), ("last month", last)):
        live = received_cases(month, county).order_by().values("division_id").annotate(**TALLY)
        yield f"received {name}, counted from the cases", live
        cells = ReceivedCell.objects.filter(month=month).filter(code_range("division_code", county))
        yield f"received {name}, from the rollup cells", cells


def calls_and_queue(dispatcher: Any) -> Iterator[tuple[str, QuerySet]]:  # type: ignore[type-arg]
    """The dispatcher's own queue, call-back list and unread inbox count."""
    from jiceng.cases import selectors
    from jiceng.notices import inbox
    from jiceng.notices.inbox.unit import unread_messages

    own = selectors.queue_cases(dispatcher)
    yield "own queue, dispatcher: count", own
    yield "own queue, dispatcher: first page", own[:50]
    calls = inbox.calls_to_make(dispatcher)
    yield "call-back list, dispatcher: count", calls
    yield "call-back list, dispatcher: first page", calls[:200]
    yield "unread inbox, dispatcher: count", unread_messages(dispatcher)


def one_case(dispatcher: Any) -> Iterator[tuple[str, QuerySet]]:  # type: ignore[type-arg]
    """One case's events as verify-history --case and the case page read them: from every
    month, and from its submission on (history.floor), for the newest and the oldest case."""
    from jiceng.cases.history.floor import case_events, case_ratings, floor
    from jiceng.cases.models import CaseEvent, Rating
    from jiceng.cases.permissions import visible_cases

    cases = visible_cases(dispatcher)
    for label, case in (
        ("newest", cases.order_by("-submitted_at", "-pk").first()),
        ("oldest", cases.order_by("submitted_at", "pk").first()),
    ):
        assert case is not None
        everywhere = CaseEvent.objects.filter(case_id=case.pk).order_by("seq")
        yield f"events of the {label} case, every month", everywhere
        yield (
            f"events of the {label} case, since its submission",
            case_events(case.pk, case.submitted_at).order_by("seq"),
        )
        yield (
            f"ratings of the {label} case, since its submission",
            case_ratings(case.pk, case.submitted_at).order_by("event_id"),
        )
        since = floor(case.submitted_at)
        yield (
            f"events of the {label} case dated before it",
            CaseEvent.objects.filter(case_id=case.pk, at__lt=since)[:1],
        )
        yield (
            f"ratings of the {label} case dated before it",
            Rating.objects.filter(case_id=case.pk, at__lt=since)[:1],
        )


def summary(plan: str) -> str:
    """Execution time, the whole plan's buffers (its top node's) and the indexes it used."""
    took = re.search(r"Execution Time: ([\d.]+) ms", plan)
    planned = re.search(r"Planning Time: ([\d.]+) ms", plan)
    top = next((line for line in plan.splitlines() if "Buffers:" in line), "Buffers: ?")
    used = re.findall(r"(?:Scan (?:Backward )?using|Bitmap Index Scan on) (\w+)", plan)
    # A month partition's index is named for its month: one name, with how many months.
    months: dict[str, set[str]] = {}
    for name in used:
        month = re.search(r"_(p\d{4}_\d{2}|default)_", name)
        key = name.replace(month.group(1), "p*") if month else name
        months.setdefault(key, set()).update([month.group(1)] if month else [])
    indexes = sorted(
        f"{key} ({len(seen)} partitions)" if seen else key for key, seen in months.items()
    )
    planning = f" (planning {planned.group(1)} ms)" if planned else ""
    return f"{took.group(1) if took else '?'} ms{planning}, {top.strip()}; {', '.join(indexes)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--county", default="330602")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    django.setup()
    for name, query in queries(args.county):
        if name.endswith(": count"):
            query = query.order_by().values("pk")
        plan = query.explain(analyze=True, buffers=True)
        print(f"## {name}: {summary(plan)}\n{plan}\n")


if __name__ == "__main__":
    main()
