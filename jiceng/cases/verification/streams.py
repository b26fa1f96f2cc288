"""The rows the walk reads, each stream once and in case order."""

from __future__ import annotations

from collections.abc import Generator, Iterator
from typing import Any

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


class Streams:
    """Cases, events, ratings and photos, each read once in case order, and the anchor."""

    def __init__(self, batch_size: int, anchor: AnchorReader | None) -> None:
        # Plain tuples off a server-side cursor (core.fast.stream): no object per row.
        cases = Case.objects.order_by("pk").values_list(*CASE_FIELDS)
        self.cases = stream_tuples(cases, batch_size)
        events = CaseEvent.objects.order_by("case_id", *EVENT_ORDER).values_list(*EVENT_FIELDS)
        # Each event's data stays JSON text: the link hashes it as it is (core.fast.chainlink).
        self.events = Cursor(stream_tuples(events, batch_size, raw=("data",)))
        ratings = Rating.objects.order_by("case_id", *RATING_ORDER).values_list(*RATING_FIELDS)
        self.ratings = Cursor(stream_tuples(ratings, batch_size))
        photos = CaseAttachment.objects.order_by("case_id", "pk").values_list(*PHOTO_FIELDS)
        self.photos = Cursor(stream_tuples(photos, batch_size))
        # Where chains go on after archived months (empty unless a month was detached).
        heads = ArchivedHead.objects.order_by("case_id").values_list(*HEAD_FIELDS)
        self.heads = Cursor(stream_tuples(heads, batch_size))
        self.anchor = anchor
        self.entries = Cursor(anchor if anchor is not None else ())

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

    def anchor_end(self) -> Iterator[Tampering]:
        if self.anchor is not None and self.anchor.problem:
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
