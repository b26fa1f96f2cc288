"""Import China's statistical divisions (NBS codes) from CSV files.

A national file holds one level, told by its parent column (``streetCode``
means villages, ``areaCode`` townships, ``cityCode`` counties,
``provinceCode`` cities, none provinces). A generic ``code,name,parentCode``
file may mix levels; each row's level follows from its code's length.

The whole file is checked before anything is written, so a bad file leaves the
database as it was, and every bad row is reported at once. Importing the same
file again writes nothing: rows are compared with what is stored and only
changed names or parents are updated. Divisions missing from a newer file are
kept, because cases, units and grids may still point at them.
"""

from __future__ import annotations

import csv
import gzip
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from django.db import connection, transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from jiceng.core.errors import InvalidInput
from jiceng.places.models import CODE_LENGTHS, LEVEL_BY_LENGTH, Division, Level

# Deepest first: a villages file also carries provinceCode, cityCode and areaCode.
LEVEL_BY_PARENT_COLUMN: dict[str, str] = {
    "streetcode": Level.VILLAGE,
    "areacode": Level.TOWNSHIP,
    "citycode": Level.COUNTY,
    "provincecode": Level.CITY,
}
GENERIC_PARENT_COLUMN = "parentcode"
# The order import_all uses, so parents are stored before their children.
NATIONAL_FILES = ("provinces", "cities", "areas", "streets", "villages")
DEMO_COUNTY_FILE = Path(__file__).resolve().parent / "data" / "330681.csv"
MAX_LISTED_ERRORS = 50
# Rows handed to one executemany call: bounds the memory of parameter lists.
WRITE_CHUNK = 20_000
UPDATE_BATCH = 500
NAME_MAX_LENGTH = Division._meta.get_field("name").max_length or 100
GZIP_MAGIC = b"\x1f\x8b"
REPLACEMENT_CHARACTER = "\ufffd"

_LENGTHS = sorted(LEVEL_BY_LENGTH)
# Code length → length of its parent's code (0: provinces have no parent).
PARENT_LENGTH: dict[int, int] = dict(zip(_LENGTHS, [0, *_LENGTHS[:-1]], strict=True))

# code → (name, parent code or None), as stored by Division.
Rows = dict[str, tuple[str, str | None]]


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


def division_problems(
    code: str, name: str, parent: str, *, level: str | None = None
) -> list[tuple[str, str]]:
    """What is wrong with one division, as (field, message) pairs; empty when nothing is.

    ``level`` is the level a national file claims; None takes it from the
    code's length. Fields are ``code``, ``name`` and ``parent``. Shared with
    the admin so a hand-made division obeys the same rules as an imported one.
    """
    length = CODE_LENGTHS[level] if level else len(code)
    code_ok = len(code) == length and length in PARENT_LENGTH and _is_ascii_digits(code)
    parent_ok = code_ok and parent == code[: PARENT_LENGTH[length]]
    name_ok = 0 < len(name) <= NAME_MAX_LENGTH
    if parent_ok and name_ok:  # the common case: no messages to build
        return []
    problems: list[tuple[str, str]] = []
    if not code_ok:
        problems.append(("code", _code_message(code, level)))
    elif not parent_ok:
        problems.append(("parent", _parent_message(code, parent)))
    if not name:
        problems.append(("name", _("The name is empty.")))
    elif not name_ok:
        message = _("The name is longer than %(max)d characters.") % {"max": NAME_MAX_LENGTH}
        problems.append(("name", message))
    return problems


def _is_ascii_digits(text: str) -> bool:
    # str.isdigit alone accepts other scripts' digits, such as "²" or "٣".
    return text.isascii() and text.isdigit()


def _code_message(code: str, level: str | None) -> str:
    if level:
        expected = _("a code of %(length)d digits") % {"length": CODE_LENGTHS[level]}
    else:
        expected = _("a code of 2, 4, 6, 9 or 12 digits")
    return _("Expected %(expected)s, found “%(code)s”.") % {"expected": expected, "code": code}


def _parent_message(code: str, parent: str) -> str:
    expected = code[: PARENT_LENGTH[len(code)]]
    if not expected:
        return _("A province has no parent; leave it empty, found “%(parent)s”.") % {
            "parent": parent
        }
    return _(
        "Expected the parent code %(expected)s (the start of the code), found “%(parent)s”."
    ) % {
        "expected": expected,
        "parent": parent,
    }


@dataclass(frozen=True)
class _Layout:
    """Where a file keeps the parent code, and the level its header promises."""

    level: str | None  # None: a generic file, level by code length
    parent_column: str  # as spelt in the header; "" for a provinces file
    parent_index: int  # 0: no parent column (row[0] is the code, never a parent)

    @property
    def width(self) -> int:
        """How many columns a row needs."""
        return max(2, self.parent_index + 1)


def _layout(header: list[str] | None) -> _Layout | None:
    if not header:
        return None
    names = [cell.strip().lower() for cell in header]
    if names[:2] != ["code", "name"]:
        return None
    if GENERIC_PARENT_COLUMN in names:
        index = names.index(GENERIC_PARENT_COLUMN)
        return _Layout(level=None, parent_column=header[index].strip(), parent_index=index)
    for column, level in LEVEL_BY_PARENT_COLUMN.items():
        if column in names:
            index = names.index(column)
            return _Layout(level=level, parent_column=header[index].strip(), parent_index=index)
    return _Layout(level=Level.PROVINCE, parent_column="", parent_index=0)


def _header_message(header: list[str] | None) -> str:
    return _(
        "Expected a header starting with code,name and then parentCode, or one of "
        "streetCode, areaCode, cityCode, provinceCode, or nothing for provinces; "
        "found “%(found)s”."
    ) % {"found": ",".join(header or [])}


class _Checker:
    """Checks a file's rows and keeps the good ones inside the scope."""

    def __init__(self, layout: _Layout, scope: str) -> None:
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


def _check_file(path: Path, scope: str) -> _Checker:
    """Read and check the whole file; raise DivisionFileError listing every problem."""
    with _open_text(path) as text:
        reader = csv.reader(text)
        checker: _Checker | None = None
        try:
            header = next(reader, None)
            layout = _layout(header)
            if layout is None:
                raise DivisionFileError([RowError(1, "", _header_message(header))], path=path)
            checker = _Checker(layout, scope)
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


def _checked_scope(scope: str | None) -> str:
    if scope is None:
        return ""
    if not (_is_ascii_digits(scope) and len(scope) <= max(_LENGTHS)):
        message = _(
            "The scope must be a division code prefix of 1 to 12 digits, found “%(scope)s”."
        )
        raise InvalidInput(message % {"scope": scope}, field="scope")
    return scope


def _new_and_changed(rows: Rows, scope: str) -> tuple[list[str], list[str]]:
    """Split the file's codes into new ones and changed ones, reading stored rows in one query."""
    levels = list({LEVEL_BY_LENGTH[len(code)] for code in rows})
    # Each level is a range of the (level, code) index; order_by() drops the
    # model's ordering, which would only make the database sort for nothing.
    stored = Division.objects.filter(level__in=levels).order_by()
    if scope:
        stored = stored.filter(code__startswith=scope)
    # Streamed, not loaded into a dict: a national file would hold twice the memory.
    pending = set(rows)
    changed = []
    for code, name, parent in stored.values_list("code", "name", "parent_id").iterator(10_000):
        row = rows.get(code)
        if row is not None:
            pending.discard(code)
            if row != (name, parent):
                changed.append(code)
    return [code for code in rows if code in pending], changed


def _insert_values(codes: list[str], rows: Rows) -> Iterator[tuple[str, str, str, str | None]]:
    for code in codes:
        name, parent = rows[code]
        yield code, name, LEVEL_BY_LENGTH[len(code)], parent


def _target() -> str:
    """``table (code, name, level, parent_id)``, quoted, for the insert paths."""
    quote = connection.ops.quote_name
    column = {field.name: field.column for field in Division._meta.concrete_fields}
    columns = ", ".join(quote(column[name]) for name in ("code", "name", "level", "parent"))
    return f"{quote(Division._meta.db_table)} ({columns})"


def _create(codes: list[str], rows: Rows) -> None:
    """Insert new divisions with the driver's bulk path, not one model object per row.

    bulk_create spent two thirds of a national import building model objects
    and compiling parameters row by row; executemany inserts the villages several
    times faster (bench/divisions.md, "Where the time goes"). COPY is PostgreSQL's
    own bulk path.
    """
    if not codes:  # a re-import must not even open a COPY
        return
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {_target()} FROM STDIN") as copy:
                for values in _insert_values(codes, rows):
                    copy.write_row(values)
            return
        # Only quoted model names are formatted in; every value is a parameter.
        insert = f"INSERT INTO {_target()} VALUES (%s, %s, %s, %s)"  # noqa: S608
        for start in range(0, len(codes), WRITE_CHUNK):
            chunk = codes[start : start + WRITE_CHUNK]
            cursor.executemany(insert, list(_insert_values(chunk, rows)))


def _update(codes: list[str], rows: Rows) -> None:
    changed = [Division(code=code, name=rows[code][0], parent_id=rows[code][1]) for code in codes]
    Division.objects.bulk_update(changed, ["name", "parent"], batch_size=UPDATE_BATCH)


def _write(rows: Rows, scope: str) -> tuple[int, int]:
    """Store new rows and changed ones; return (created, updated)."""
    with transaction.atomic():
        new, changed = _new_and_changed(rows, scope)
        _create(new, rows)
        _update(changed, rows)
    return len(new), len(changed)


def import_divisions(path: Path, *, scope: str | None = None) -> ImportReport:
    """Import one divisions file (plain or gzipped CSV); only codes starting with ``scope``."""
    started = time.perf_counter()
    prefix = _checked_scope(scope)
    if not path.is_file():
        raise InvalidInput(_("%(path)s is not a file.") % {"path": path}, field="file")
    checked = _check_file(path, prefix)
    created, updated = _write(checked.rows, prefix) if checked.rows else (0, 0)
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


def national_files(folder: Path) -> list[Path]:
    """The five national files in import order, each ``NAME.csv.gz`` or ``NAME.csv``."""
    found, missing = [], []
    for name in NATIONAL_FILES:
        candidates = [folder / f"{name}.csv.gz", folder / f"{name}.csv"]
        path = next((p for p in candidates if p.is_file()), None)
        if path is None:
            missing.append(f"{name}.csv.gz")
        else:
            found.append(path)
    if missing:
        message = _("%(folder)s lacks %(files)s.") % {"folder": folder, "files": ", ".join(missing)}
        raise InvalidInput(message, field="folder")
    return found


def import_all(folder: Path, *, scope: str | None = None) -> list[ImportReport]:
    """Import the five national files in ``folder``, parents first; all or nothing."""
    paths = national_files(folder)
    # One transaction: a bad villages file also undoes the levels before it.
    with transaction.atomic():
        return [import_divisions(path, scope=scope) for path in paths]


def load_demo_county() -> ImportReport:
    """Load 诸暨市 (330681) with its province, city, 23 townships and 515 villages."""
    return import_divisions(DEMO_COUNTY_FILE)
