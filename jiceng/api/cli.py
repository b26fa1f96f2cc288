"""``jiceng apikey create|revoke``: the operator's way to hand out and withdraw keys."""

from __future__ import annotations

import argparse
import sys


def run(args: argparse.Namespace) -> int:
    """Called after Django is set up; the parser below is built before, so imports wait."""
    from jiceng.api.services.keys import apikey_create, apikey_revoke
    from jiceng.core.errors import InvalidInput

    try:
        if args.action == "create":
            key, raw = apikey_create(
                name=args.name, role=args.role, jurisdiction=args.jurisdiction, unit=args.unit
            )
            print(f"API key {key.name} ({key.role}, {key.jurisdiction}) — shown only once:")
            print(raw)
        else:
            apikey_revoke(name=args.name)
            print(f"API key {args.name} revoked.")
    except InvalidInput as error:
        print(f"{error.field}: {error.message}", file=sys.stderr)
        return 1
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True)
    create = actions.add_parser("create", help="create a key and print it once")
    create.add_argument("--name", required=True)
    create.add_argument("--role", required=True)
    create.add_argument("--jurisdiction", required=True, help="division code, e.g. 330681")
    create.add_argument(
        "--unit",
        default="",
        help="department short name (slug), e.g. water; only for --role department_staff",
    )
    revoke = actions.add_parser("revoke", help="stop a key from working")
    revoke.add_argument("--name", required=True)
