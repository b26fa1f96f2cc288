"""``jiceng import-divisions``: the places served (``setup-units`` gives them units)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jiceng.cli.boot import setup
from jiceng.cli.commands import Add


def cmd_import_divisions(args: argparse.Namespace) -> int:
    setup()
    from jiceng.core.errors import InvalidInput
    from jiceng.places.importer import import_divisions

    try:
        report = import_divisions(Path(args.file), scope=args.scope)
    except InvalidInput as error:
        print(error.message, file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def add_import_divisions(add: Add) -> None:
    imp = add(
        "import-divisions", cmd_import_divisions, "Import an NBS division CSV (plain or gzip)"
    )
    imp.add_argument("file")
    imp.add_argument("--scope", default=None, help="only codes starting with this prefix")
