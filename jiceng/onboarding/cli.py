"""``jiceng onboard-county CODE --workbook FILE.xlsx`` and ``--template FILE.xlsx``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("code", nargs="?", default="", help="the county's code, e.g. 330683")
    what = command.add_mutually_exclusive_group(required=True)
    what.add_argument("--workbook", help="the filled-in onboarding workbook (.xlsx)")
    what.add_argument("--template", help="write the empty workbook to this file and stop")


def run(args: argparse.Namespace) -> int:
    from jiceng.core.errors import JicengError
    from jiceng.onboarding.outcome import WorkbookInvalid
    from jiceng.onboarding.services import county_onboard
    from jiceng.onboarding.workbook import template_bytes

    if args.template:
        Path(args.template).write_bytes(template_bytes())
        print(f"模板已写入 {args.template}")
        return 0
    if not (args.code.isdigit() and len(args.code) == 6):
        print("请给出 6 位县（区）代码，如 330683。", file=sys.stderr)
        return 2
    path = Path(args.workbook)
    if not path.is_file():
        print(f"找不到文件 {path}", file=sys.stderr)
        return 2
    try:
        with path.open("rb") as file:
            report = county_onboard(county_code=args.code, file=file)
    except WorkbookInvalid as invalid:
        print(invalid.message, file=sys.stderr)
        for problem in invalid.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except JicengError as error:
        print(error.message, file=sys.stderr)
        return 1
    print(report.summary())
    return 0
