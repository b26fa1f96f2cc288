"""``jiceng hot-issues``: group a month's requests into hot issues now, as the worker does."""

from __future__ import annotations

import argparse
import sys

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_hot_issues(args: argparse.Namespace) -> int:
    setup()
    import json
    import re

    from django.utils import timezone

    from jiceng.core import clock
    from jiceng.insights.hotissues import counties_taking_requests
    from jiceng.insights.services import hot_issues_refresh

    today = timezone.localdate(clock.now())
    found = re.fullmatch(r"(\d{4})-(\d{2})", args.month or f"{today:%Y-%m}")
    if found is None or not 1 <= int(found[2]) <= 12:
        print("--month must be year-month, e.g. 2026-03", file=sys.stderr)
        return 2
    year, month = int(found[1]), int(found[2])
    counties = [args.county] if args.county else counties_taking_requests()
    summary = []
    for county in counties:
        issues = hot_issues_refresh(county=county, year=year, month=month)
        summary.append(
            {
                "county": county,
                "month": f"{year}-{month:02d}",
                "hot_issues": len(issues),
                "top": [
                    {"rank": i.rank, "label": i.label, "size": i.size, "villages": i.villages}
                    for i in issues[:5]
                ],
            }
        )
    print(json.dumps(summary, ensure_ascii=False))
    return 0


def add_hot_issues(add: Add) -> None:
    hot = add("hot-issues", cmd_hot_issues, "Group a month's requests into hot issues now")
    hot.add_argument("--month", default=None, help="YYYY-MM (default: this month)")
    hot.add_argument("--county", default=None, help="6-digit county code (default: every county)")
