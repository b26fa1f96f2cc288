"""The history walk of ``jiceng verify-history`` over the first cases only, to time it.

At tens of millions of events the whole walk takes longer than a benchmark session can
wait, so this streams the verifier's own walk (``verification.run._verify``) over the
cases up to an id, with the same streams narrowed to them (``Streams`` as written, its
querysets filtered): the rate in events a second is what the whole walk runs at.
"""

from __future__ import annotations

import time

from django.db import transaction

from jiceng.cases.history import CHAINED_FIELDS
from jiceng.cases.models import Case, CaseAttachment, CaseEvent, Rating
from jiceng.cases.verification import run
from jiceng.cases.verification.streams import EVENT_FIELDS, PHOTO_FIELDS, RATING_FIELDS, Streams
from jiceng.cases.verification.walk import Cursor
from jiceng.core.fast.stream import stream_tuples

BATCH = 2000


class FirstCases(Streams):
    """The verifier's streams, limited to cases with an id up to ``last``."""

    def __init__(self, last: int) -> None:
        fields = ("pk", "number", "version", "head_hash", *CHAINED_FIELDS)
        cases = Case.objects.filter(pk__lte=last).order_by("pk")
        self.cases = stream_tuples(cases.values_list(*fields), BATCH)
        events = CaseEvent.objects.filter(case_id__lte=last).order_by("case_id", "seq")
        self.events = Cursor(stream_tuples(events.values_list(*EVENT_FIELDS), BATCH, raw=("data",)))
        ratings = Rating.objects.filter(case_id__lte=last).order_by("case_id", "event_id")
        self.ratings = Cursor(stream_tuples(ratings.values_list(*RATING_FIELDS), BATCH))
        photos = CaseAttachment.objects.filter(case_id__lte=last).order_by("case_id", "pk")
        self.photos = Cursor(stream_tuples(photos.values_list(*PHOTO_FIELDS), BATCH))
        self.heads = Cursor(())
        self.anchor = None
        self.entries = Cursor(())


def walk_first(last: int) -> tuple[int, int, float, float]:
    """(events walked, problems found, seconds, CPU seconds of this process) up to ``last``."""
    events = CaseEvent.objects.filter(case_id__lte=last).count()
    original = run.Streams
    run.Streams = lambda _batch, _anchor: FirstCases(last)  # type: ignore[assignment,misc]
    try:
        started, cpu = time.perf_counter(), time.process_time()
        with transaction.atomic():
            problems = sum(1 for _ in run._verify(BATCH, None, False))
        took, cpu = time.perf_counter() - started, time.process_time() - cpu
    finally:
        run.Streams = original  # type: ignore[misc]
    return events, problems, took, cpu
