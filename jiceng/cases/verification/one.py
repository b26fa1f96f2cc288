"""One case checked on its own: the same steps as the whole walk, over that case's rows.

For an operator who doubts one case (``jiceng verify-history --case NUMBER``) and for
timing a single check at city scale (bench/city/measure.py): a handful of indexed reads,
not a walk of every case.

Events and ratings are read over every month, as the whole walk reads them, not from
the case's submission on as its pages read them (``history.floor``): a row added for the
case and dated before its submission (a second event numbered like one of its own, a
rating with a forged event) belongs to no link of its chain and no writer makes one, so
only reading those months finds it. On PostgreSQL that costs planning every month
partition, 1–3 ms a query (bench/city/README.md, Session 10), so each query is compiled
once per process and prepared once per connection, the case's id bound on the server
(``core.fast.rows.PlainQuery.tuples``; bench/city/README.md, "Session 13").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from django.db import connections, router
from django.db.models import QuerySet

from jiceng.cases.models import ArchivedHead, Case, CaseAttachment, CaseEvent, Rating
from jiceng.cases.verification.events import check_case, walk_events
from jiceng.cases.verification.rows import check_photos, check_ratings
from jiceng.cases.verification.run import one_snapshot
from jiceng.cases.verification.streams import (
    CASE_FIELDS,
    EVENT_FIELDS,
    EVENT_ORDER,
    HEAD_FIELDS,
    PHOTO_FIELDS,
    RATING_FIELDS,
    RATING_ORDER,
)
from jiceng.cases.verification.walk import Cursor, Tampering, Walk
from jiceng.core.crypto import history_key
from jiceng.core.fast.rows import PlainQuery


def verify_case(case_id: int, *, files: bool = False) -> list[Tampering]:
    """Every problem with this case's history, case row, ratings and photos; [] when it holds.

    A case that is gone is not reported here: only the whole walk (with an anchor) can
    tell a deleted case from one that never existed.
    """
    alias = router.db_for_read(Case)
    with one_snapshot(connections[alias]):
        row = next(iter(_rows("case", case_id, alias)), None)
        if row is None:
            return []
        return list(_check(row, files, alias))


def _check(row: tuple, files: bool, alias: str) -> Iterator[Tampering]:  # type: ignore[type-arg]
    case_id = row[0]
    walk = Walk(case_id, row[1] or "")
    head = next(iter(_rows("head", case_id, alias)), None)
    if head is not None:
        walk.resume(*head[1:])
    events = Cursor(_rows("events", case_id, alias))
    yield from walk_events(walk, events, history_key())
    yield from check_case(walk, row, row[2], row[3], None)
    yield from check_ratings(walk, Cursor(_rows("ratings", case_id, alias)))
    photos = Cursor(_rows("photos", case_id, alias))
    yield from check_photos(walk, photos, files=files)


_QUERIES: dict[str, Callable[[], QuerySet[Any, Any]]] = {
    # 0 stands for the case's id, bound at each run.
    "case": lambda: Case.objects.filter(pk=0).values_list(*CASE_FIELDS),
    "head": lambda: ArchivedHead.objects.filter(case_id=0).values_list(*HEAD_FIELDS),
    "events": lambda: (
        CaseEvent.objects.filter(case_id=0).order_by(*EVENT_ORDER).values_list(*EVENT_FIELDS)
    ),
    "ratings": lambda: (
        Rating.objects.filter(case_id=0).order_by(*RATING_ORDER).values_list(*RATING_FIELDS)
    ),
    "photos": lambda: (
        CaseAttachment.objects.filter(case_id=0).order_by("pk").values_list(*PHOTO_FIELDS)
    ),
}


@cache  # compiled once per process, for the one database it reads
def _query(name: str) -> PlainQuery:
    plain = PlainQuery.of(_QUERIES[name](), keep=True, bound=True)
    assert plain is not None
    return plain


def _rows(name: str, case_id: int, alias: str) -> list[tuple[Any, ...]]:
    """One case's rows of ``name``'s query, read where the snapshot is open."""
    return _query(name).tuples(case_id, using=alias)
