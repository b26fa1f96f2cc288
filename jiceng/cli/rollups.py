"""``jiceng rollups rebuild | refresh | check``: the rate rollups (jiceng.insights.rollups)."""

from __future__ import annotations

from jiceng.cli.commands import Add
from jiceng.cli.rollups_check import cmd_check
from jiceng.cli.rollups_recount import cmd_rebuild, cmd_refresh


def add_rollups(add: Add) -> None:
    rollups = add("rollups", lambda _args: 2, "Rebuild or check the rate rollups")
    sub = rollups.add_subparsers(dest="action", required=True)
    for name, run, help_ in (
        ("rebuild", cmd_rebuild, "Recount the cells of whole months from the events"),
        ("refresh", cmd_refresh, "Recount what changed since the last run (the worker's job)"),
        ("check", cmd_check, "Compare the cells with a full recount; non-zero if they differ"),
    ):
        action = sub.add_parser(name, help=help_, description=help_)
        action.set_defaults(func=run)
        if name != "refresh":
            action.add_argument("--area", metavar="CODE", help="only units under this code")
            action.add_argument("--month", metavar="YYYY-MM", help="only this month")
    sub.choices["check"].add_argument(
        "--as-stored", action="store_true", help="compare without catching up first"
    )
