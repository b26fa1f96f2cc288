"""The rows the walk reads, each stream once and in case order."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass
from itertools import dropwhile
from typing import Any

from django.db.models import QuerySet

from jiceng.cases.anchor.lines import AnchorEntry
from jiceng.cases.anchor.reading import AnchorReader
from jiceng.cases.history import CHAINED_FIELDS
from jiceng.cases.models import ArchivedHead, Case, CaseAttachment, CaseEvent, Rating
from jiceng.cases.verification.walk import Cursor, Tampering
from jiceng.core.fast.chainlink import ROW_FIELDS
from jiceng.core.fast.stream import stream_tuples

# The order a case's rows are checked in, here and in ``verification.one``: two rows that
# claim one number (a forged event beside the real one) come in a fixed order, so the
# whole walk and the one-case check report them alike.
EVENT_ORDER = ("seq", "at", "id")
RATING_ORDER = ("event_id", "id")


@dataclass(frozen=True)
class Slice:
    """The case ids ``low <= id < high`` that one walk reads; None leaves that end open.

    The whole walk is one slice, ``Slice()``; ``verification.parallel`` walks several side
    by side, and only the last (open above) checks the anchor file's own signature and root.
    """

    low: int | None = None
    high: int | None = None

    @property
    def last(self) -> bool:
        return self.high is None

    def of(self, rows: QuerySet[Any, Any], field: str = "case_id") -> QuerySet[Any, Any]:
        if self.low is not None:
            rows = rows.filter(**{f"{field}__gte": self.low})
        if self.high is not None:
            rows = rows.filter(**{f"{field}__lt": self.high})
        return rows


class Streams:
    """Cases, events, ratings and photos, each read once in case order, and the anchor."""

    def __init__(self, batch_size: int, anchor: AnchorReader | None, part: Slice = Slice()) -> None:
        self.part = part
        # Plain tuples off a server-side cursor (core.fast.stream): no object per row.
        cases = part.of(Case.objects.all(), "pk").order_by("pk").values_list(*CASE_FIELDS)
        self.cases = stream_tuples(cases, batch_size)
        events = part.of(CaseEvent.objects.all()).order_by("case_id", *EVENT_ORDER)
        # Each event's data stays JSON text: the link hashes it as it is (core.fast.chainlink).
        self.events = Cursor(
            stream_tuples(events.values_list(*EVENT_FIELDS), batch_size, raw=("data",))
        )
        ratings = part.of(Rating.objects.all()).order_by("case_id", *RATING_ORDER)
        self.ratings = Cursor(stream_tuples(ratings.values_list(*RATING_FIELDS), batch_size))
        photos = part.of(CaseAttachment.objects.all()).order_by("case_id", "pk")
        self.photos = Cursor(stream_tuples(photos.values_list(*PHOTO_FIELDS), batch_size))
        # Where chains go on after archived months (empty unless a month was detached).
        heads = part.of(ArchivedHead.objects.all()).order_by("case_id").values_list(*HEAD_FIELDS)
        self.heads = Cursor(stream_tuples(heads, batch_size))
        self.anchor = anchor
        # The anchor's entries from the slice's first id on; those above it stay unread, so
        # a case inserted between two anchored ones is still told from a new one.
        low = part.low
        entries: Iterable[AnchorEntry] = anchor if anchor is not None else ()
        if low is not None:
            entries = dropwhile(lambda entry: entry.case_id < low, entries)
        self.entries = Cursor(entries)

    def orphans(self, before: int | None) -> Iterator[Tampering]:
        """Cases gone whose rows or anchor lines remain, below ``before`` (all, with None).

        One case at a time, in id order, so even a wiped table is reported in flat memory.
        """
        rows = (self.events, self.ratings, self.photos, self.heads)
        while True:
            heads = [case_of(cursor.row) for cursor in rows if cursor.row is not None]
            if self.entries.row is not None:
                heads.append(self.entries.row.case_id)
            case_id = min(heads, default=None)
            if case_id is None or (before is not None and case_id >= before):
                return
            for cursor in rows:
                while cursor.row is not None and case_of(cursor.row) == case_id:
                    cursor.take()
            entry = self.entries.row
            number = self.entries.take().number if entry and entry.case_id == case_id else ""
            yield Tampering(case_id, number, 0, "case deleted")

    def anchored(self, case_id: int, number: str) -> Generator[Tampering, None, AnchorEntry | None]:
        """The anchor's entry for this case; a case the anchor should have held is reported."""
        entry = self.entries.row
        if entry is not None and entry.case_id == case_id:
            return self.entries.take()
        if entry is not None:  # an id below the anchor's last one that the anchor never saw
            yield Tampering(case_id, number, 0, "case inserted")
        return None

    def archived_head(self, case_id: int) -> tuple[Any, ...] | None:
        head = self.heads.row
        return self.heads.take() if head is not None and head[0] == case_id else None

    def end(self) -> Iterator[Tampering]:
        """What is left past the slice's last case: rows of cases gone, and the anchor file."""
        yield from self.orphans(self.part.high)
        if self.part.last and self.anchor is not None and self.anchor.problem:
            yield Tampering(0, "", 0, self.anchor.problem)


CASE_FIELDS = ("pk", "number", "version", "head_hash", *CHAINED_FIELDS)
# case_id first, like the other streams' rows (see case_of); then what each link hashes.
EVENT_FIELDS = (*ROW_FIELDS, "prev_hash", "hash")


def case_of(row: Any) -> int:
    return int(row[0])


RATING_FIELDS = (
    "case_id",
    "event_id",
    "unit_id",
    "division_code",
    "at",
    "solved",
    "satisfaction",
    "comment",
    "source",
)


HEAD_FIELDS = ("case_id", "seq", "at", "hash", "case_digest")
PHOTO_FIELDS = ("case_id", "pk", "file", "uploaded_at", "size", "content_type")
