"""``jiceng sweep``: apply the due escalations, reminders and closings once, now."""

from __future__ import annotations

import argparse

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_sweep(args: argparse.Namespace) -> int:
    setup()
    from jiceng.cases.sweep import sweep

    print(sweep().summary())
    return 0


def add_sweep(add: Add) -> None:
    add("sweep", cmd_sweep, "Apply due escalations, reminders and closings once")
