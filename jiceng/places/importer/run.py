"""Importing one divisions file, or the demo county's (the national files are in ``national``)."""

from __future__ import annotations

import time
from pathlib import Path

from django.utils.translation import gettext as _

from jiceng.core.errors import InvalidInput
from jiceng.places.importer.checker import Rows, check_file
from jiceng.places.importer.code_shape import LENGTHS, is_ascii_digits
from jiceng.places.importer.report import ImportReport
from jiceng.places.importer.writer import write
from jiceng.places.models import LEVEL_BY_LENGTH

DEMO_COUNTY_FILE = Path(__file__).resolve().parent.parent / "data" / "330681.csv"


def _checked_scope(scope: str | None) -> str:
    if scope is None:
        return ""
    if not (is_ascii_digits(scope) and len(scope) <= max(LENGTHS)):
        message = _(
            "The scope must be a division code prefix of 1 to 12 digits, found “%(scope)s”."
        )
        raise InvalidInput(message % {"scope": scope}, field="scope")
    return scope


def import_divisions(path: Path, *, scope: str | None = None) -> ImportReport:
    """Import one divisions file (plain or gzipped CSV); only codes starting with ``scope``."""
    started = time.perf_counter()
    prefix = _checked_scope(scope)
    if not path.is_file():
        raise InvalidInput(_("%(path)s is not a file.") % {"path": path}, field="file")
    checked = check_file(path, prefix)
    created, updated = write(checked.rows, prefix) if checked.rows else (0, 0)
    return ImportReport(
        level=checked.layout.level or _single_level(checked.rows),
        rows_read=checked.read,
        created=created,
        updated=updated,
        unchanged=len(checked.rows) - created - updated,
        skipped_out_of_scope=checked.skipped,
        seconds=time.perf_counter() - started,
    )


def _single_level(rows: Rows) -> str | None:
    levels = {LEVEL_BY_LENGTH[len(code)] for code in rows}
    return levels.pop() if len(levels) == 1 else None


def load_demo_county() -> ImportReport:
    """Load 诸暨市 (330681) with its province, city, 23 townships and 515 villages."""
    return import_divisions(DEMO_COUNTY_FILE)
