"""The ``jiceng textmining`` argument parser: one subcommand per module of this package."""

from __future__ import annotations

import argparse

from jiceng.textmining.cli import (
    check_spam,
    classify,
    evaluate,
    hot_issues,
    similar,
    train,
    train_stuffing,
)

# In this order in ``--help``: the classifier's commands, then those on messages as a whole.
COMMANDS = (train, evaluate, classify, hot_issues, check_spam, train_stuffing, similar)


def parser(description: str | None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jiceng textmining", description=description)
    commands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.add_command(commands)
    return parser
