"""Reading and checking a divisions file: its layout from the header, then every row."""

from __future__ import annotations

import csv
import gzip
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from django.utils.translation import gettext as _

from jiceng.places.importer.errors import DivisionFileError
from jiceng.places.importer.layout import Layout, header_message, layout_of
from jiceng.places.importer.problems import division_problems
from jiceng.places.importer.row_error import RowError

GZIP_MAGIC = b"\x1f\x8b"
REPLACEMENT_CHARACTER = "\ufffd"

# code → (name, parent code or None), as stored by Division.
Rows = dict[str, tuple[str, str | None]]


class Checker:
    """Checks a file's rows and keeps the good ones inside the scope."""

    def __init__(self, layout: Layout, scope: str) -> None:
        self.layout = layout
        self.scope = scope
        self.rows: Rows = {}
        self.seen: set[str] = set()  # codes outside the scope, to find duplicates
        self.errors: list[RowError] = []
        self.read = 0
        self.skipped = 0

    def check(self, records: Iterable[list[str]], line_number: Callable[[], int]) -> None:
        """The hot loop of a national import: locals only, and no messages for good rows."""
        rows, seen, scope, level = self.rows, self.seen, self.scope, self.layout.level
        width, parent_index = self.layout.width, self.layout.parent_index
        parents: dict[str, str] = {}
        for record in records:
            if not record:  # blank lines, often one at the end, carry nothing
                continue
            self.read += 1
            if len(record) < width:
                self._reject(line_number(), record, "", "", "")
                continue
            code, name = record[0].strip(), record[1].strip()
            parent = record[parent_index].strip() if parent_index else ""
            if (
                division_problems(code, name, parent, level=level)
                or REPLACEMENT_CHARACTER in name
                or code in rows
                or code in seen
            ):
                self._reject(line_number(), record, code, name, parent)
            elif code.startswith(scope):
                # Parents repeat (about 15 villages per township): share one string each.
                rows[code] = (name, parents.setdefault(parent, parent) or None)
            else:
                seen.add(code)
                self.skipped += 1

    def _reject(self, line: int, record: list[str], code: str, name: str, parent: str) -> None:
        if len(record) < self.layout.width:
            message = _("Expected at least %(expected)d columns, found %(found)d.")
            found = {"expected": self.layout.width, "found": len(record)}
            self.errors.append(RowError(line, "", message % found))
            return
        problems = division_problems(code, name, parent, level=self.layout.level)
        if REPLACEMENT_CHARACTER in name:
            problems.append(("name", _("The name is not valid UTF-8; save the file as UTF-8.")))
        if code in self.rows or code in self.seen:
            message = _("The code %(code)s appears more than once.") % {"code": code}
            problems.append(("code", message))
        columns = {"code": "code", "name": "name", "parent": self.layout.parent_column}
        self.errors.extend(RowError(line, columns[field], text) for field, text in problems)


def _open_text(path: Path) -> TextIO:
    # Decide by content, not by name: downloads lose or gain ".gz" easily.
    with path.open("rb") as raw:
        compressed = raw.read(2) == GZIP_MAGIC
    if compressed:
        return gzip.open(path, "rt", encoding="utf-8-sig", errors="replace", newline="")
    # utf-8-sig: files saved from Excel start with a byte-order mark. Bytes that are
    # not UTF-8 become U+FFFD, which the checker reports with the exact line.
    return path.open(encoding="utf-8-sig", errors="replace", newline="")


def check_file(path: Path, scope: str) -> Checker:
    """Read and check the whole file; raise DivisionFileError listing every problem."""
    with _open_text(path) as text:
        reader = csv.reader(text)
        checker: Checker | None = None
        try:
            header = next(reader, None)
            layout = layout_of(header)
            if layout is None:
                raise DivisionFileError([RowError(1, "", header_message(header))], path=path)
            checker = Checker(layout, scope)
            checker.check(reader, lambda: reader.line_num)
        except (csv.Error, EOFError, OSError) as exc:
            # A truncated .gz, a NUL byte: nothing after this point can be trusted.
            message = _("The file cannot be read from here on (%(reason)s).") % {"reason": exc}
            errors = [
                *(checker.errors if checker else []),
                RowError(reader.line_num + 1, "", message),
            ]
            raise DivisionFileError(errors, path=path) from exc
    if checker.errors:
        raise DivisionFileError(checker.errors, path=path)
    return checker
