"""One case checked on its own: the same steps as the whole walk, over that case's rows.

For an operator who doubts one case (``jiceng verify-history --case NUMBER``) and for
timing a single check at city scale (bench/city/measure.py): a handful of indexed reads,
not a walk of every case.

Events and ratings are read over every month, as the whole walk reads them, not from
the case's submission on as its pages read them (``history.floor``): a row added for the
case and dated before its submission (a second event numbered like one of its own, a
rating with a forged event) belongs to no link of its chain and no writer makes one, so
only reading those months finds it. On PostgreSQL that costs planning every month
partition, 1–3 ms a query (bench/city/README.md, Session 10).
"""

from __future__ import annotations

from collections.abc import Iterator

from django.db import connections, router

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


def verify_case(case_id: int, *, files: bool = False) -> list[Tampering]:
    """Every problem with this case's history, case row, ratings and photos; [] when it holds.

    A case that is gone is not reported here: only the whole walk (with an anchor) can
    tell a deleted case from one that never existed.
    """
    with one_snapshot(connections[router.db_for_read(Case)]):
        row = Case.objects.filter(pk=case_id).values_list(*CASE_FIELDS).first()
        if row is None:
            return []
        return list(_check(row, files))


def _check(row: tuple, files: bool) -> Iterator[Tampering]:  # type: ignore[type-arg]
    case_id = row[0]
    walk = Walk(case_id, row[1] or "")
    head = ArchivedHead.objects.filter(case_id=case_id).values_list(*HEAD_FIELDS).first()
    if head is not None:
        walk.resume(*head[1:])
    events = CaseEvent.objects.filter(case_id=case_id).order_by(*EVENT_ORDER)
    yield from walk_events(walk, Cursor(events.values_list(*EVENT_FIELDS)), history_key())
    yield from check_case(walk, row, row[2], row[3], None)
    ratings = Rating.objects.filter(case_id=case_id).order_by(*RATING_ORDER)
    yield from check_ratings(walk, Cursor(ratings.values_list(*RATING_FIELDS)))
    photos = CaseAttachment.objects.filter(case_id=case_id).order_by("pk")
    yield from check_photos(walk, Cursor(photos.values_list(*PHOTO_FIELDS)), files=files)
