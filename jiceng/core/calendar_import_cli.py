"""``jiceng calendar import FILE``: replace the years in a calendar file with its days."""

from __future__ import annotations

import sys
from pathlib import Path

from jiceng.core.calendar_show_cli import print_missing_year_warning
from jiceng.core.errors import InvalidInput


def calendar_import_file(path: Path) -> int:
    from jiceng.core.calendar_file.reading import read_calendar_file
    from jiceng.core.services import calendar_import

    try:
        changes = calendar_import(days=read_calendar_file(path))
    except InvalidInput as error:
        print(error.message, file=sys.stderr)
        return 1
    for line in changes.lines():
        print(line)
    print(changes.summary())
    print_missing_year_warning()
    return 0
