"""``jiceng anchor``: a signed checkpoint of every case's history head."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_anchor(args: argparse.Namespace) -> int:
    setup()
    from jiceng.cases.anchor import write_anchor, write_anchor_file

    if args.output:
        summary = write_anchor_file(Path(args.output))
        print(f"anchored {summary.cases} cases (up to #{summary.max_case_id}), root {summary.root}")
    else:
        write_anchor(sys.stdout.buffer)
        sys.stdout.flush()
    return 0


def add_anchor(add: Add) -> None:
    anchor = add("anchor", cmd_anchor, "Write a signed checkpoint of every case's history head")
    anchor.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
