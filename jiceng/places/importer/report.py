"""What an import reports: every bad row of a refused file, or what was written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jiceng.core.errors import InvalidInput
from jiceng.places.models import Level

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


@dataclass(frozen=True)
class ImportReport:
    level: str | None  # None when a generic file mixes levels
    rows_read: int
    created: int
    updated: int
    unchanged: int
    skipped_out_of_scope: int
    seconds: float

    def summary(self) -> str:
        what = Level(self.level).label if self.level else _("Divisions")
        return _(
            "%(what)s: %(read)d rows read, %(created)d created, %(updated)d updated, "
            "%(unchanged)d unchanged, %(skipped)d outside the scope (%(seconds).1f s)."
        ) % {
            "what": what,
            "read": self.rows_read,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped_out_of_scope,
            "seconds": self.seconds,
        }
