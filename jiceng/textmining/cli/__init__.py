"""``jiceng textmining …`` commands: train/evaluate/classify, hot-issues, check-spam,
train-stuffing, similar.

Every command prints its result as JSON on the last line of standard output
(diagnostics go to standard error), so scripts can read ``tail -n 1``.  Bad
input — a missing file or column, an empty file, empty standard input —
exits with status 2 and a message naming what is wrong.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from jiceng.textmining.classify.storage import ModelError
from jiceng.textmining.cli.common import InputError
from jiceng.textmining.cli.parser import parser
from jiceng.textmining.table import TableError


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; ``argv`` starts after the word ``textmining``."""
    try:
        args = parser(__doc__).parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return exc.code if isinstance(exc.code, int) else 2
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except (TableError, ModelError, InputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
