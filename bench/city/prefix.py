"""The history walk of ``jiceng verify-history`` over the first cases only, to time it.

At tens of millions of events the whole walk takes longer than a benchmark session can
wait, so this streams the verifier's own walk (``verification.run.walk_streams``) over the
cases up to an id, its streams narrowed to them as one slice of ``--jobs`` is: the rate
in events a second is what one process of the whole walk runs at.
"""

from __future__ import annotations

import time

from django.db import connection

from jiceng.cases.models import CaseEvent
from jiceng.cases.verification.run import one_snapshot, walk_streams
from jiceng.cases.verification.streams import Slice, Streams

BATCH = 2000


def walk_first(last: int) -> tuple[int, int, float, float]:
    """(events walked, problems found, seconds, CPU seconds of this process) up to ``last``."""
    events = CaseEvent.objects.filter(case_id__lte=last).count()
    started, cpu = time.perf_counter(), time.process_time()
    with one_snapshot(connection):
        # The verifier's own streams, narrowed as a slice of ``verify-history --jobs`` is.
        streams = Streams(BATCH, None, Slice(high=last + 1))
        problems = sum(1 for _ in walk_streams(streams, files=False))
    took, cpu = time.perf_counter() - started, time.process_time() - cpu
    return events, problems, took, cpu
