"""Where a row is in the file, what is wrong with it, and the error listing every bad row."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jiceng.core.errors import InvalidInput

MAX_LISTED_ERRORS = 50


@dataclass(frozen=True)
class Where:
    """A line of a CSV file, or an entry (counted from 1) of a JSON list."""

    number: int
    entry: bool = False

    def __str__(self) -> str:
        if self.entry:
            return _("entry %(number)d") % {"number": self.number}
        return _("line %(line)d") % {"line": self.number}


FIRST_LINE = Where(1)
# A file's rows, each with where it is, before they are checked.
Rows = list[tuple[Where, Mapping[str, Any]]]


@dataclass(frozen=True)
class RowError:
    where: Where
    field: str
    message: str

    def __str__(self) -> str:
        n, field, message = self.where.number, self.field, self.message
        values = {"line": n, "number": n, "column": field, "field": field, "message": message}
        if self.where.entry and field:
            return _("entry %(number)d, %(field)s: %(message)s") % values
        if self.where.entry:
            return _("entry %(number)d: %(message)s") % values
        if field:
            return _("line %(line)d, %(column)s: %(message)s") % values
        return _("line %(line)d: %(message)s") % values


class CalendarFileError(InvalidInput):
    """The file has bad rows, all listed in ``errors``; nothing was imported."""

    def __init__(self, errors: list[RowError], *, name: str) -> None:
        self.errors = errors
        head = ngettext(
            "%(file)s has %(count)d error; nothing was imported.",
            "%(file)s has %(count)d errors; nothing was imported.",
            len(errors),
        ) % {"file": name, "count": len(errors)}
        lines = [head, *(f"  {error}" for error in errors[:MAX_LISTED_ERRORS])]
        if len(errors) > MAX_LISTED_ERRORS:
            more = len(errors) - MAX_LISTED_ERRORS
            lines.append("  " + _("… and %(count)d more.") % {"count": more})
        super().__init__("\n".join(lines), field="file")
