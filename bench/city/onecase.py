"""One case's history checked with the verifier's own walk, its streams narrowed to the case.

The application checks the whole history at once (``jiceng verify-history``); there is no
one-case entry point yet, so this runs the same steps (``walk_events``, ``check_case``,
``check_ratings``, ``check_photos``) over the case's rows only, in one snapshot.
"""

from __future__ import annotations

from django.db import transaction

from jiceng.cases.history import CHAINED_FIELDS
from jiceng.cases.models import Case, CaseAttachment, CaseEvent, Rating
from jiceng.cases.verification.events import check_case, walk_events
from jiceng.cases.verification.rows import check_photos, check_ratings
from jiceng.cases.verification.streams import EVENT_FIELDS, PHOTO_FIELDS, RATING_FIELDS
from jiceng.cases.verification.walk import Cursor, Tampering, Walk
from jiceng.core.crypto import history_key


def verify_case(case_id: int) -> list[Tampering]:
    """Every problem with this case's history, rows and ratings (empty when it holds)."""
    with transaction.atomic():
        fields = ("pk", "number", "version", "head_hash", *CHAINED_FIELDS)
        row = Case.objects.filter(pk=case_id).values_list(*fields).get()
        events = CaseEvent.objects.filter(case_id=case_id).order_by("seq")
        ratings = Rating.objects.filter(case_id=case_id).order_by("event_id")
        photos = CaseAttachment.objects.filter(case_id=case_id).order_by("pk")
        walk = Walk(case_id, row[1] or "")
        found = list(
            walk_events(walk, Cursor(events.values_list(*EVENT_FIELDS, named=True)), history_key())
        )
        found += check_case(walk, row, row[2], row[3], None)
        found += check_ratings(walk, Cursor(ratings.values_list(*RATING_FIELDS)))
        found += check_photos(walk, Cursor(photos.values_list(*PHOTO_FIELDS)), files=False)
    return found
