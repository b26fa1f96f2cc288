"""One case's history check and the whole history streamed, on a (large) PostgreSQL database.

    DATABASE_URL=postgres://... JICENG_ENV=test .venv/bin/python bench/bench_partitions.py \\
        --cases 300 --repeat 3

Prints whether the history tables are partitioned and how many partitions they have,
then the median time of checking one case (``--cases`` random cases, each walked with
the verifier's own steps over that case's rows only), then the rate of the whole-history
walk (``verify()``), median of ``--repeat`` walks (see bench/history.md).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any


def _one_case(case_id: int) -> list[Any]:
    """The verifier's steps over one case's rows, in one snapshot (as bench/city does)."""
    from django.db import transaction

    from jiceng.cases.history import CHAINED_FIELDS
    from jiceng.cases.models import ArchivedHead, Case, CaseAttachment, CaseEvent, Rating
    from jiceng.cases.verification.events import check_case, walk_events
    from jiceng.cases.verification.rows import check_photos, check_ratings
    from jiceng.cases.verification.streams import EVENT_FIELDS, PHOTO_FIELDS, RATING_FIELDS
    from jiceng.cases.verification.walk import Cursor, Walk
    from jiceng.core.crypto import history_key

    with transaction.atomic():
        fields = ("pk", "number", "version", "head_hash", *CHAINED_FIELDS)
        row = Case.objects.filter(pk=case_id).values_list(*fields).get()
        walk = Walk(case_id, row[1] or "")
        head = ArchivedHead.objects.filter(case_id=case_id).values_list(
            "seq", "at", "hash", "case_digest"
        )
        for archived in head:
            walk.resume(*archived)
        events = CaseEvent.objects.filter(case_id=case_id).order_by("seq")
        found = list(walk_events(walk, Cursor(events.values_list(*EVENT_FIELDS)), history_key()))
        found += check_case(walk, row, row[2], row[3], None)
        ratings = Rating.objects.filter(case_id=case_id).order_by("event_id")
        found += check_ratings(walk, Cursor(ratings.values_list(*RATING_FIELDS)))
        photos = CaseAttachment.objects.filter(case_id=case_id).order_by("pk")
        found += check_photos(walk, Cursor(photos.values_list(*PHOTO_FIELDS)), files=False)
    return found


def _layout() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname, c.relkind, (SELECT count(*) FROM pg_inherits i "
            "WHERE i.inhparent = c.oid) FROM pg_class c "
            "WHERE c.relname IN ('cases_caseevent', 'cases_rating') ORDER BY 1"
        )
        return ", ".join(
            f"{name}: {'partitioned, ' + str(parts) + ' partitions' if kind == 'p' else 'plain'}"
            for name, kind, parts in cursor.fetchall()
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3, help="whole-history walks")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiceng.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    import django

    django.setup()
    from django.db.models import Max

    from jiceng.cases.models import Case
    from jiceng.cases.verification import verify

    last = Case.objects.aggregate(last=Max("pk"))["last"] or 0
    print(f"{_layout()}; cases up to #{last:,}; load average {os.getloadavg()}")
    times, problems = [], 0
    for case_id in random.Random(19).sample(range(1, last + 1), args.cases):
        start = time.perf_counter()
        problems += len(_one_case(case_id)) if Case.objects.filter(pk=case_id).exists() else 0
        times.append(time.perf_counter() - start)
    print(
        f"one case: median {statistics.median(times) * 1000:.2f} ms, p90 "
        f"{statistics.quantiles(times, n=10)[-1] * 1000:.2f} ms over {args.cases} cases, "
        f"{problems} problems"
    )
    _stream(verify, args.repeat)
    print(f"load average at the end {os.getloadavg()}")


def _stream(verify: Any, repeat: int) -> None:
    """The whole-history walk, ``repeat`` times: events per second of wall time."""
    from jiceng.cases.models import CaseEvent

    events, times, found = CaseEvent.objects.count(), [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        found = sum(1 for _ in verify())
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(
        f"stream: {events:,} events in {median:.1f} s (median of {repeat}), "
        f"{events / median:,.0f} events/s, {found} problems"
    )


if __name__ == "__main__":
    main()
