"""The stuffing model: segment weights and a logistic regression, stored as plain JSON."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jiceng.textmining.stuffing.lists import ListRun, longest_list
from jiceng.textmining.stuffing.reading import canonical, grams

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "stuffing.json"
MODEL_FORMAT = "jiceng.textmining.stuffing"
MIN_RUN = 5
FEATURES = ("run", "density", "vice", "density_x_run", "rare_separator", "list_share")
_RARE_SEPARATORS = frozenset({"|", "/", "、", " "})


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
        found = grams(segment)
        if len(found) < 3:  # fewer than two letters: a number, a unit, a stray character
            return -100.0
        return max(self.weights.get(g, self.unseen) for g in found)

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


def save(model: StuffingModel, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(model.as_json(), ensure_ascii=False, sort_keys=True, indent=0)
    path.write_text(text + "\n", encoding="utf-8")
