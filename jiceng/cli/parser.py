"""The ``jiceng`` command's parser: every subcommand, in the order ``jiceng --help`` lists them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from jiceng.cli import (
    anchor,
    delegated,
    demo,
    history,
    partitions,
    passthrough,
    places,
    rollups,
    routine,
    serve,
    sweep,
    textmining,
    units,
    worker,
)
from jiceng.cli.commands import Run


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jiceng", description="Jiceng (基层) grassroots governance"
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(name: str, func: Run, help_: str) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_, description=help_)
        command.set_defaults(func=func)
        return command

    for add_command in (
        demo.add_demo,
        serve.add_serve,
        worker.add_worker,
        routine.add_hot_issues,
        rollups.add_rollups,
        places.add_import_divisions,
        units.add_setup_units,
        delegated.add_onboard_county,
        delegated.add_policies,
        delegated.add_calendar,
        sweep.add_sweep,
        history.add_verify_history,
        anchor.add_anchor,
        partitions.add_partitions,
        delegated.add_operations,
        passthrough.add_passthrough,
    ):
        add_command(add)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] in {"manage", "textmining"}:
        # Pass everything after the word through untouched, --help included.
        args = argparse.Namespace(rest=argv[1:])
        run = passthrough.cmd_manage if argv[0] == "manage" else textmining.cmd_textmining
        return int(run(args))
    args = _parser().parse_args(argv)
    return int(args.func(args))
