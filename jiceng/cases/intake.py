"""Text intelligence at intake: the spam check, the category proposal, likely duplicates.

The textmining library does the work; this module ties it to the deployment:
which channels are checked for spam, where the category model lives (and when
to reload it), and per-process duplicate indexes, one per county, kept in step
with the database. Nothing here writes; the services and views decide what to
do with the answers.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import Q, QuerySet

from jiceng.cases import catalogue, permissions
from jiceng.cases.models import OPEN_STATES, Case, Category, Channel, Kind, State
from jiceng.core import clock
from jiceng.core.errors import InvalidInput
from jiceng.core.memo import memo
from jiceng.people.models import Unit, User
from jiceng.places.codes import code_range
from jiceng.textmining import DuplicateIndex, Model, ModelError, SpamVerdict, check_spam

log = logging.getLogger(__name__)

# Text typed by staff (phone, in person) is not checked: a dispatcher does not spam.
SPAM_CHECKED_CHANNELS = frozenset({Channel.WEB, Channel.API, Channel.OPEN311})
PROPOSAL_SIZE = 3
# Cosine of IDF-weighted character n-grams above which two cases are shown as the same
# problem. On the 4,326 real messages of 附件3, pairs from 0.15 up report one problem; below
# 0.1 they do not (see bench/intake.md).
DUPLICATE_MIN_SCORE = 0.15
DUPLICATE_LIMIT = 5
# Closed cases stay merge targets this long: a repeat report of a problem solved last
# week belongs with it, one of last year does not.
RECENT_DAYS = 90


def case_text(title: str, description: str) -> str:
    """The text the classifier, the spam check and the duplicate index read."""
    title, description = title.strip(), description.strip()
    if title and not description.startswith(title):
        return f"{title}\n{description}"
    return description


# --- spam ------------------------------------------------------------------------------------


def spam_verdict(*, channel: str, title: str, description: str) -> SpamVerdict | None:
    """The spam check's verdict for public channels, None where no check applies."""
    if channel not in SPAM_CHECKED_CHANNELS:
        return None
    return check_spam(case_text(title, description))


# --- the category model ------------------------------------------------------------------


def model_path() -> Path:
    """Where ``jiceng textmining retrain`` writes the deployment's category model."""
    configured = getattr(settings, "JICENG_CATEGORY_MODEL", None)
    return Path(configured) if configured else Path(settings.JICENG_HOME) / "category-model.npz"


def category_model() -> Model | None:
    """The model, loaded on first use and again whenever the file is replaced."""
    path = model_path()
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    # Retraining replaces the file (a new inode), so the key changes even when two
    # writes fall in the same mtime tick.
    return _loaded_model(str(path), stat.st_mtime_ns, stat.st_ino)


@memo("cases.category_model", limit=1)
def _loaded_model(path: str, _mtime_ns: int, _inode: int) -> Model | None:
    """The model in the file; None if it cannot be read (kept too: one warning a file)."""
    try:
        return Model.load(Path(path))
    except (ModelError, OSError, ValueError, KeyError, EOFError) as error:
        log.warning("category model %s not loaded: %s", path, error)
        return None


@dataclass(frozen=True)
class Guess:
    category: Category
    probability: float

    @property
    def percent(self) -> int:
        return round(self.probability * 100)


@dataclass(frozen=True)
class Proposal:
    """The model's likeliest categories, the words behind the first, and its owning unit."""

    guesses: list[Guess]
    words: list[str]
    unit: Unit | None

    @property
    def top(self) -> Category:
        return self.guesses[0].category

    @property
    def label(self) -> str:
        return self.top.code


def propose(text: str, location_code: str = "") -> Proposal | None:
    """A proposal for ``text``, or None when there is no model or it knows no active category."""
    model = category_model()
    if model is None or not text.strip():
        return None
    prediction = model.classify(text, k=len(model.labels))
    known = Category.objects.filter(active=True).in_bulk([label for label, _ in prediction.top])
    guesses = [Guess(known[label], p) for label, p in prediction.top if label in known]
    if not guesses:
        return None
    guesses = guesses[:PROPOSAL_SIZE]
    words = model.explain(text, guesses[0].category.code)
    return Proposal(guesses=guesses, words=words, unit=_owning_unit(guesses[0], location_code))


def _owning_unit(guess: Guess, location_code: str) -> Unit | None:
    if len(location_code) != 12:
        return None
    try:
        return catalogue.proposed_unit(category=guess.category, location_code=location_code)
    except InvalidInput:
        return None


# --- likely duplicates -------------------------------------------------------------------


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
