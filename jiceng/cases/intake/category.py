"""The category model: where it lives, when to reload it, and what it proposes."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from jiceng.cases import catalogue
from jiceng.cases.models import Category
from jiceng.core.errors import InvalidInput
from jiceng.core.memo import memo
from jiceng.people.models import Unit
from jiceng.textmining import Model, ModelError

log = logging.getLogger(__name__)

PROPOSAL_SIZE = 3


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
