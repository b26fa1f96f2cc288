"""Time the city database through the application's own code paths, as real roles.

    JICENG_ENV=test DATABASE_URL=postgres://postgres@127.0.0.1:5432/jiceng_city \\
        .venv/bin/python bench/city/measure.py --repeat 11 [--county 330602] [--history N]

Pages go through Django's test Client logged in as the onboarded users of one county
(its first dispatcher, its leader, a township cadre, a department's staff; the dispatcher's
desk and call-back list too); rates are
``insights.rates.monthly_rates`` for the city and the county; search is the
workbench's ``search_cases`` on the user's visible cases; one case's history is checked
by ``verification.one.verify_case`` (``verify-history --case``). ``--history N`` also times the
verifier's walk over the first N cases (``bench.city.prefix``; 0: every case, which at
50M events takes most of an hour).
Prints a Markdown table of medians with the load average before and after.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
Row = tuple[str, float, str]


def measure(county: str, repeat: int, history: int | None, rate_runs: int) -> Iterator[Row]:
    from django.test import Client
    from django.utils import timezone

    from bench.city.timing import page, stream_history, timed
    from jiceng.cases import selectors
    from jiceng.cases.permissions import visible_cases
    from jiceng.cases.selectors.filters import search_cases
    from jiceng.cases.verification.one import verify_case
    from jiceng.insights.rates import monthly_rates
    from jiceng.people.models import Role, User

    users = {
        "dispatcher": User.objects.get(username=f"d{county}-0"),
        "leader": User.objects.get(username=f"l{county}"),
        "township": User.objects.filter(role=Role.TOWNSHIP_STAFF, username__startswith=f"c{county}")
        .order_by("pk")
        .first(),
        "department": User.objects.get(username=f"s{county}-housing"),
    }
    clients = {}
    for role, user in users.items():
        clients[role] = Client()
        clients[role].force_login(user)
    today = timezone.localdate()
    last = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    for role in ("dispatcher", "township", "department"):
        for tab in ("", "?tab=area"):
            ms = timed(page(clients[role], f"/workbench/{tab}"), repeat)
            yield ((f"queue page {tab or '(own)'}, {role}", ms, "< 150"))
    for label, url in (("call-back list", "/workbench/desk/calls/"), ("desk", "/workbench/desk/")):
        ms = timed(page(clients["dispatcher"], url), repeat)
        yield ((f"{label} page, dispatcher", ms, "< 150"))
    dispatcher = users["dispatcher"]
    own = selectors.queue_cases(users["township"]).first()
    longest = visible_cases(dispatcher).order_by("-version", "pk").first()
    # The first case submitted: its rows may lie in every month, so reading them from its
    # submission on (history.floor) prunes nothing.
    oldest = visible_cases(dispatcher).order_by("submitted_at", "pk").first()
    picks = [
        ("a township's open case", own, "township"),
        ("the longest history", longest, "dispatcher"),
        ("the oldest case", oldest, "dispatcher"),
    ]
    for label, case, role in picks:
        if case is None:
            continue
        url = f"/workbench/cases/{case.number}/"
        yield (
            (
                f"case page, {label} ({case.version} events), {role}",
                timed(page(clients[role], url), repeat),
                "< 100",
            )
        )
        yield ((f"verify one case, {label}", timed(partial(verify_case, case.pk), repeat), "< 10"))
    for who in ("dispatcher", "township"):
        for query in ("路灯", "垃圾 臭味", "漏水"):
            visible = visible_cases(users[who])
            ms = timed(lambda: list(search_cases(visible, query)[:20]), repeat)  # noqa: B023
            yield ((f"full-text search {query!r}, {who}", ms, "< 50"))
    for label, within, level in (
        ("city, counties", county[:4], "county"),
        ("county, townships", county, "township"),
    ):
        for when, (year, month) in (
            ("last month", last),
            ("this month", (today.year, today.month)),
        ):
            rates = partial(monthly_rates, year=year, month=month, within=within, level=level)
            ms = timed(rates, rate_runs, warm=rate_runs > 1)
            yield (f"monthly rates and ranking, {label}, {when}", ms, "< 1000")
    yield (
        (
            "dashboard page, county leader",
            timed(page(clients["leader"], "/dashboard/"), rate_runs, warm=rate_runs > 1),
            "< 300",
        )
    )
    if history is not None:
        yield (stream_history(history or None))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=11)
    parser.add_argument(
        "--rate-runs", type=int, default=3, help="runs of the rates (no warm-up when 1)"
    )
    parser.add_argument("--county", default="330602")
    parser.add_argument(
        "--history", type=int, metavar="N", help="walk the history of the first N cases (0: all)"
    )
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from jiceng.cases.models import Case

    before = os.getloadavg()
    print(f"{Case.objects.count():,} cases; load average before {before[0]:.1f}")
    print("| what | median | target (ms) |\n|---|---:|---:|")
    for what, value, target in measure(args.county, args.repeat, args.history, args.rate_runs):
        print(f"| {what} | {value:,.1f} | {target} |", flush=True)
    print(f"load average after {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
