"""Likely duplicates: one index per county and process, kept in step with the database."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Q, QuerySet

from jiceng.cases import permissions
from jiceng.cases.intake.text import case_text
from jiceng.cases.models import OPEN_STATES, Case, Kind, State
from jiceng.core import clock
from jiceng.core.memo import memo
from jiceng.people.models import User
from jiceng.places.codes import code_range
from jiceng.textmining import DuplicateIndex

# Cosine of IDF-weighted character n-grams above which two cases are shown as the same
# problem. On the 4,326 real messages of 附件3, pairs from 0.15 up report one problem; below
# 0.1 they do not (see bench/intake.md).
DUPLICATE_MIN_SCORE = 0.15
DUPLICATE_LIMIT = 5
# Closed cases stay merge targets this long: a repeat report of a problem solved last
# week belongs with it, one of last year does not.
RECENT_DAYS = 90


class _CountyIndex:
    """A duplicate index of one county's open and recent requests, built on first use.

    Each lookup first adds the county's cases whose id is above the highest one already
    read (one query on the primary key). Cases that stopped being candidates (merged,
    confirmed spam, closed long ago) are dropped when a lookup meets them. One index per
    county keeps a province-wide deployment's lists local and each index small.
    """

    def __init__(self, county: str) -> None:
        self._lock = threading.Lock()
        self._county = county
        self._index: DuplicateIndex | None = None
        self._watermark = 0

    def ready(self) -> DuplicateIndex:
        with self._lock:
            cases = Case.objects.filter(_in_county(self._county), kind=Kind.REQUEST)
            if self._index is None:
                self._index = DuplicateIndex()
                cases = cases.filter(Q(state__in=_LIVE) | Q(submitted_at__gte=_since()))
            self._add(self._index, cases)
            return self._index

    def _add(self, index: DuplicateIndex, cases: QuerySet[Case]) -> None:
        rows = cases.filter(pk__gt=self._watermark).values_list("pk", "title", "description")
        texts = []
        for pk, title, description in rows.order_by("pk").iterator(chunk_size=2000):
            texts.append((str(pk), case_text(title, description)))
            # A case that took a lower id but committed after a higher one is read is
            # missed until the process restarts: it only costs one suggestion.
            self._watermark = max(self._watermark, pk)
        index.add_many(texts)


def _in_county(county: str) -> Q:
    """Cases located in the county, as a range of division codes (an index serves it)."""
    return code_range("division_id", county)


# Quarantined cases are indexed too: one released later is then found without a rebuild.
_LIVE = (*OPEN_STATES, State.QUARANTINED)


# One holder per county and process; every thread gets the one stored first.
@memo("cases.duplicate_indexes")
def _county_holder(county: str) -> _CountyIndex:
    return _CountyIndex(county)


def _county_index(county: str) -> DuplicateIndex:
    return _county_holder(county).ready()


def _since() -> datetime:
    return clock.now() - timedelta(days=RECENT_DAYS)


_LISTED_FIELDS = (
    "number",
    "kind",
    "title",
    "state",
    "category_id",
    "owner_id",
    "submitted_at",
    "closed_at",
    "division__code",
    "division__name",
)


@dataclass(frozen=True)
class Duplicate:
    case: Case
    score: float

    @property
    def percent(self) -> int:
        return round(self.score * 100)


def likely_duplicates(user: User, case: Case, *, limit: int = DUPLICATE_LIMIT) -> list[Duplicate]:
    """Open or recent requests of the same county that report what ``case`` reports.

    Only cases the user may see, never ``case`` itself, nor merged or quarantined ones.
    """
    county = case.division_id[:6]
    index = _county_index(county)
    text = case_text(case.title, case.description)
    hits = index.query(text, k=limit * 2 + 1, min_score=DUPLICATE_MIN_SCORE)
    scores = {int(item): score for item, score in hits if item != str(case.pk)}
    # Only what the list shows and the checks read: this runs each time a request is opened.
    found = (
        Case.objects.filter(pk__in=list(scores)).select_related("division").only(*_LISTED_FIELDS)
    )
    since = _since()
    duplicates = []
    for other in found:
        if _gone(other, since):
            index.remove(str(other.pk))
            continue
        if other.state != State.QUARANTINED and permissions.can_see(user, other):
            duplicates.append(Duplicate(other, scores[other.pk]))
    duplicates.sort(key=lambda d: (-d.score, -d.case.pk))
    return duplicates[:limit]


def _gone(case: Case, since: datetime) -> bool:
    """Never a merge target again: merged, confirmed spam, or closed and no longer recent."""
    if case.state == State.MERGED or (case.state == State.QUARANTINED and case.closed_at):
        return True
    return case.state not in _LIVE and case.submitted_at < since
