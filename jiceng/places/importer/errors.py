"""The error refusing a divisions file, listing its bad rows (the first ``MAX_LISTED_ERRORS``)."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jiceng.core.errors import InvalidInput
from jiceng.places.importer.row_error import RowError

MAX_LISTED_ERRORS = 50


class DivisionFileError(InvalidInput):
    """The file has bad rows, all listed in ``errors``; nothing was imported."""

    def __init__(self, errors: list[RowError], *, path: Path | None = None) -> None:
        self.errors = errors
        self.path = path
        super().__init__(_describe_errors(errors, path), field="file")


def _describe_errors(errors: list[RowError], path: Path | None) -> str:
    head = ngettext(
        "%(file)s has %(count)d error; nothing was imported.",
        "%(file)s has %(count)d errors; nothing was imported.",
        len(errors),
    ) % {"file": path.name if path else _("The file"), "count": len(errors)}
    lines = [head, *(f"  {error}" for error in errors[:MAX_LISTED_ERRORS])]
    if len(errors) > MAX_LISTED_ERRORS:
        more = len(errors) - MAX_LISTED_ERRORS
        lines.append("  " + _("… and %(count)d more.") % {"count": more})
    return "\n".join(lines)
