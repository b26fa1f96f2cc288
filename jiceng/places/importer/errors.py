"""The bad rows of a refused divisions file, each named, and the error that lists them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jiceng.core.errors import InvalidInput

MAX_LISTED_ERRORS = 50


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if not self.column:
            return _("line %(line)d: %(message)s") % {"line": self.line, "message": self.message}
        return _("line %(line)d, %(column)s: %(message)s") % {
            "line": self.line,
            "column": self.column,
            "message": self.message,
        }


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
