"""A learned, explainable detector of keyword-stuffed lists (SEO spam footers).

A stuffed page is an article followed by dozens of short porn or gambling
titles. The titles vary endlessly, so the detector reads two things that do not:

* **structure** — the longest run of consecutive short segments (2–24
  characters, a Latin letter counting a third) between list separators
  (``|``, ``/``, ``、``, commas, spaces, line breaks), and which separator it uses;
* **vocabulary** — the share of those segments that read as adult or gambling
  text to a character model: the strongest naive-Bayes log-odds among a
  segment's characters and bigrams, learned from generated titles
  (:mod:`jiceng.textmining.stuffing_gen`) against clauses of real residents'
  messages. Characters such as 乳, 淫, 彩 carry the evidence, so compounds never
  seen still score.

A logistic regression over a handful of such features gives the probability;
``reasons`` say in words what it saw. Text is canonicalised first (NFKC width
folding, zero-width characters and symbols inserted between characters removed,
traditional → simplified, lower case), and pinyin titles are in the training lists.

The model is ``data/stuffing.json`` (plain numbers, no code), written by
:func:`train` — ``jiceng textmining train-stuffing`` (see bench/textmining/README.md).
"""

from __future__ import annotations

import json
import math
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from jiceng.textmining.normalize import strip_html, to_simplified
from jiceng.textmining.stuffing_gen import TRAIN, stuffed_list, stuffed_page

MODEL_PATH = Path(__file__).with_name("data") / "stuffing.json"
MODEL_FORMAT = "jiceng.textmining.stuffing"
SHORT = (2, 24)
MIN_RUN = 5
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\u00ad]")
_INSERTED = re.compile(r"(?<=[^\W\d_])[.*·_~#\-•+]+(?=[^\W\d_])")
_SEPARATOR = re.compile(r"\s*(\||/|、|,|，|;|；|\n|\s{1,})\s*")
_CLAUSE = re.compile(r"[。！？!?\n]+")
FEATURES = ("run", "density", "vice", "density_x_run", "rare_separator", "list_share")
_RARE_SEPARATORS = frozenset({"|", "/", "、", " "})


def canonical(text: str) -> str:
    """Text as the detector reads it: evasions undone, simplified, lower case."""
    text = unicodedata.normalize("NFKC", strip_html(text))
    text = _INVISIBLE.sub("", text)
    text = _INSERTED.sub("", text)
    return to_simplified(text).lower()


def _grams(segment: str) -> list[str]:
    # Digits say nothing about a title (spam numbers its titles, residents their buses).
    chars = [c for c in segment if c.isalpha()]
    return chars + [a + b for a, b in pairwise(chars)]


def _length(segment: str) -> int:
    """Length in characters, a Latin letter counting a third: pinyin spells one
    character with about three letters, so a pinyin title is as short as a Chinese one."""
    latin = sum(1 for c in segment if "a" <= c <= "z")
    return len(segment) - latin + -(-latin // 3)


@dataclass(frozen=True)
class ListRun:
    segments: list[str]
    separator: str
    chars: int


def longest_list(text: str) -> ListRun:
    """The longest run of consecutive short segments and its commonest separator."""
    pieces = _SEPARATOR.split(text)
    segments, separators = pieces[0::2], pieces[1::2]
    best, start = (0, 0), 0
    for i, segment in enumerate(segments):
        if not SHORT[0] <= _length(segment) <= SHORT[1]:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1
    if len(segments) - start > best[1] - best[0]:
        best = (start, len(segments))
    run = segments[best[0] : best[1]]
    seps = Counter(s.strip() or " " for s in separators[best[0] : max(best[1] - 1, best[0])])
    separator = seps.most_common(1)[0][0] if seps else ""
    return ListRun(run, separator, sum(len(s) for s in run))


@dataclass(frozen=True)
class StuffingModel:
    weights: dict[str, float]
    unseen: float
    vice_above: float
    coef: dict[str, float]
    intercept: float

    def segment_score(self, segment: str) -> float:
        """The strongest naive-Bayes log-odds among the segment's characters and bigrams.

        The strongest piece of evidence rather than the sum: a title mixes one or two
        telling characters (淫, 彩) with everyday words (电梯, 教师) that would outvote them.
        """
        grams = _grams(segment)
        if len(grams) < 3:  # fewer than two letters: a number, a unit, a stray character
            return -100.0
        return max(self.weights.get(g, self.unseen) for g in grams)

    def features(self, text: str) -> tuple[dict[str, float], ListRun, list[str]]:
        clean = canonical(text)
        run = longest_list(clean)
        vice = [s for s in run.segments if self.segment_score(s) > self.vice_above]
        n = len(run.segments)
        density = len(vice) / n if n else 0.0
        values = {
            "run": math.log1p(n),
            "density": density,
            "vice": math.log1p(len(vice)),
            "density_x_run": density * math.log1p(n),
            "rare_separator": float(run.separator in _RARE_SEPARATORS),
            "list_share": run.chars / max(len(clean), 1),
        }
        return values, run, vice

    def probability(self, values: dict[str, float]) -> float:
        z = self.intercept + sum(self.coef[name] * values[name] for name in FEATURES)
        return 1 / (1 + math.exp(-max(min(z, 50.0), -50.0)))

    def judge(self, text: str) -> tuple[float, list[str]]:
        """Probability that ``text`` carries a stuffed list, and the evidence in words."""
        values, run, vice = self.features(text)
        n = len(run.segments)
        if n < MIN_RUN:
            return 0.0, []
        p = self.probability(values)
        shown = "space" if run.separator == " " else f"'{run.separator}'"
        examples = ", ".join(vice[:3])
        reasons = [
            f"keyword stuffing: a list of {n} short segments separated by {shown}",
            f"adult/gambling vocabulary density {values['density']:.2f} "
            f"({len(vice)} of {n} segments{': ' + examples if examples else ''})",
        ]
        return p, reasons

    def as_json(self) -> dict[str, Any]:
        return {
            "format": MODEL_FORMAT,
            "features": list(FEATURES),
            "coef": self.coef,
            "intercept": self.intercept,
            "unseen": self.unseen,
            "vice_above": self.vice_above,
            "weights": self.weights,
        }


@lru_cache(maxsize=1)
def default_model() -> StuffingModel:
    return load(MODEL_PATH)


def load(path: Path) -> StuffingModel:
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != MODEL_FORMAT or data.get("features") != list(FEATURES):
        raise ValueError(f"{path}: not a stuffing model of this version")
    return StuffingModel(
        weights={str(k): float(v) for k, v in data["weights"].items()},
        unseen=float(data["unseen"]),
        vice_above=float(data["vice_above"]),
        coef={str(k): float(v) for k, v in data["coef"].items()},
        intercept=float(data["intercept"]),
    )


# --- training ----------------------------------------------------------------------------


def _real_segments(texts: Sequence[str]) -> list[str]:
    segments: list[str] = []
    for text in texts:
        for clause in _CLAUSE.split(canonical(text)):
            segments.extend(s for s in _SEPARATOR.split(clause)[0::2] if len(s) >= 2)
    return segments


def _segment_weights(
    vice: Sequence[str], real: Sequence[str], min_count: int = 2, common: int = 30
) -> tuple[dict[str, float], float]:
    vice_counts = Counter(g for s in vice for g in _grams(s))
    real_counts = Counter(g for s in real for g in _grams(s))
    vocabulary = len(set(vice_counts) | set(real_counts))
    nv, nr = sum(vice_counts.values()), sum(real_counts.values())

    def w(g: str) -> float:
        return math.log((vice_counts[g] + 0.5) / (nv + 0.5 * vocabulary)) - math.log(
            (real_counts[g] + 0.5) / (nr + 0.5 * vocabulary)
        )

    # Grams seen in vice titles, and grams common in real messages (their weight
    # is what pulls a real clause below zero); any other gram is neutral.
    kept = {g for g, c in vice_counts.items() if c >= min_count}
    kept |= {g for g, c in real_counts.items() if c >= common}
    return {g: round(w(g), 2) for g in kept}, 0.0


def _benign_list(real: Sequence[str], rng: random.Random) -> str:
    separator = rng.choice((" | ", "、", " ", "/", "，", "\n"))
    return separator.join(rng.choice(real)[:16] for _ in range(rng.randint(10, 60)))


def train(real_texts: Sequence[str], *, seed: int = 0, pages: int = 3000) -> StuffingModel:
    """Learn the model from real messages (the legitimate class) and generated spam."""
    from sklearn.linear_model import LogisticRegression

    rng = random.Random(seed)
    real_segments = _real_segments(real_texts)
    vice_segments = [
        canonical(s)
        for _ in range(400)
        for s in _SEPARATOR.split(stuffed_list(rng, TRAIN, 30))[0::2]
        if s
    ]
    weights, unseen = _segment_weights(vice_segments, real_segments)
    segment_model = StuffingModel(weights, unseen, 0.0, dict.fromkeys(FEATURES, 0.0), 0.0)
    # A segment reads as vice when it scores above all but 1.5 % of real clauses.
    short = [s for s in real_segments if SHORT[0] <= _length(s) <= SHORT[1]]
    real_scores = sorted(segment_model.segment_score(s) for s in short)
    vice_above = round(real_scores[int(0.985 * (len(real_scores) - 1))], 2)
    segment_model = replace(segment_model, vice_above=vice_above)
    articles = [t for t in real_texts if t.strip()]
    spam = [stuffed_page(rng.choice(articles), rng, TRAIN) for _ in range(pages)]
    benign = [_benign_list(real_segments, rng) for _ in range(pages // 3)]
    ham = list(articles) + benign
    rows = [segment_model.features(t)[0] for t in [*spam, *ham]]
    x = [[r[name] for name in FEATURES] for r in rows]
    y = [1] * len(spam) + [0] * len(ham)
    # Class weights: real messages outnumber nothing here, but a false alarm
    # quarantines a resident's complaint, so legitimate text counts double.
    fit = LogisticRegression(C=1.0, class_weight={0: 2.0, 1: 1.0}, max_iter=2000).fit(x, y)
    coef = {name: round(float(c), 4) for name, c in zip(FEATURES, fit.coef_[0], strict=True)}
    return replace(segment_model, coef=coef, intercept=round(float(fit.intercept_[0]), 4))


def save(model: StuffingModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.as_json(), ensure_ascii=False, sort_keys=True, indent=0)
    path.write_text(text + "\n", encoding="utf-8")
