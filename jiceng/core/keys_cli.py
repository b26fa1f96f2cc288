"""``jiceng keys rotate | reencrypt | check``: changing the data key (docs/operations.md)."""

from __future__ import annotations

import argparse

from jiceng.core.keys_reports import check_report, reencrypt_report
from jiceng.core.keys_rotate import rotate_keys


def add_arguments(command: argparse.ArgumentParser) -> None:
    actions = command.add_subparsers(dest="action", required=True)
    actions.add_parser(
        "rotate", help="print a new data key and the purpose keys to pin before switching"
    )
    actions.add_parser(
        "reencrypt", help="rewrite personal data under the current data key, in batches"
    )
    actions.add_parser(
        "check", help="report stored values the current data key alone cannot decrypt"
    )


def run(args: argparse.Namespace) -> int:
    actions = {"rotate": rotate_keys, "reencrypt": reencrypt_report, "check": check_report}
    return actions[args.action]()
