"""``jiceng verify-history``: checking every case's hash-chained history (``anchor`` writes one)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_verify_history(args: argparse.Namespace) -> int:
    setup()
    from django.db import connections, router

    from jiceng.cases.anchor import AnchorReader
    from jiceng.cases.models import Case
    from jiceng.cases.partitions.listing import archived_note
    from jiceng.cases.verification import verify
    from jiceng.cases.verification.parallel import can_split

    anchor = AnchorReader(Path(args.anchor)) if args.anchor else None
    if anchor is not None and not anchor.path.is_file():
        print(f"no anchor file at {args.anchor}", file=sys.stderr)
        return 2
    if getattr(args, "case", None):
        return _verify_one(args.case, anchor is not None, files=args.files)
    problems = 0
    if note := archived_note():
        print(note)
    jobs = getattr(args, "jobs", 1)  # `jiceng restore` checks with one process
    if jobs > 1 and not can_split(connections[router.db_for_read(Case)]):  # verify falls back
        print("--jobs: this database is read by one process; checking with one", file=sys.stderr)
    for problem in verify(anchor=anchor, files=args.files, jobs=jobs):
        problems += 1
        where = f" (event {problem.seq})" if problem.seq else ""
        name = problem.number or (f"#{problem.case_id}" if problem.case_id else "")
        print(f"case {name}: {problem.problem}{where}" if name else f"anchor: {problem.problem}")
    if problems:
        print(f"history check FAILED: {problems} problem(s)", file=sys.stderr)
        return 1
    if anchor is not None and anchor.summary is not None:
        print(f"anchor of {anchor.summary.at.isoformat()} holds: root {anchor.summary.root}")
    print("history check passed: every case's chain is intact")
    return 0


def _verify_one(number: str, anchored: bool, *, files: bool) -> int:
    from jiceng.cases.models import Case
    from jiceng.cases.verification.one import verify_case

    if anchored:
        print("--case checks one case; an anchor is checked by the whole walk", file=sys.stderr)
        return 2
    case_id = Case.objects.filter(number=number).values_list("pk", flat=True).first()
    if case_id is None:
        print(f"no case numbered {number}", file=sys.stderr)
        return 2
    problems = verify_case(case_id, files=files)
    for problem in problems:
        where = f" (event {problem.seq})" if problem.seq else ""
        print(f"case {number}: {problem.problem}{where}")
    if problems:
        print(f"history check FAILED: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"history check passed: case {number}'s chain is intact")
    return 0


def add_verify_history(add: Add) -> None:
    verify = add("verify-history", cmd_verify_history, "Check every case's hash-chained history")
    verify.add_argument(
        "--anchor", metavar="FILE", help="also check against an anchor written earlier"
    )
    verify.add_argument("--files", action="store_true", help="also check the photos' bytes")
    verify.add_argument("--case", metavar="NUMBER", help="check this one case only")
    verify.add_argument(
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="walk with N processes side by side, in one snapshot (PostgreSQL; default 1)",
    )


def _jobs(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 64:
        raise argparse.ArgumentTypeError(
            f"expected a number of processes from 1 to 64, not {text!r}"
        )
    return int(text)
