"""``jiceng policies match``: run matching; the last stdout line is a JSON array."""

from __future__ import annotations

import argparse
import json

from jiceng.core.errors import InvalidInput


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("action", choices=["match"])
    command.add_argument("--policy", default="", help="only this policy code")
    command.add_argument("--division", default="", help="only this division-code prefix")
    command.add_argument("--format", choices=["json", "text"], default="json")
    command.add_argument(
        "--no-outreach", action="store_true", help="list only; open no outreach items"
    )


def run(args: argparse.Namespace) -> int:
    from jiceng.policies.services import policies_match

    try:
        matches = policies_match(
            policy_code=args.policy, within=args.division, outreach=not args.no_outreach
        )
    except InvalidInput as error:
        print(error.message, flush=True)
        print("[]")
        return 1
    if args.format == "text":
        for match in matches:
            print(f"{match.policy}\t{match.village}\t{match.person}\t{'; '.join(match.reasons)}")
    print(f"{len(matches)} people qualify and are not yet receiving.", flush=True)
    print(json.dumps([m.as_json() for m in matches], ensure_ascii=False))
    return 0
