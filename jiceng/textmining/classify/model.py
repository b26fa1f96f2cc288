"""A trained classifier: labels, probabilities, the phrases behind a label."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.classify import storage
from jiceng.textmining.classify.calibration import softmax
from jiceng.textmining.classify.explain import contributions
from jiceng.textmining.classify.phrases import phrases
from jiceng.textmining.classify.reading import model_text
from jiceng.textmining.classify.rows import stack
from jiceng.textmining.features.ngrams import folded_text
from jiceng.textmining.features.tfidf import NgramTfidf, WordTfidf

_BATCH = 2048


@dataclass(frozen=True)
class Prediction:
    label: str
    top: list[tuple[str, float]]
    words: list[str]


@dataclass
class Model:
    """A trained classifier; build with :func:`train`, persist with :meth:`save`."""

    labels: list[str]
    body: NgramTfidf
    head: NgramTfidf
    words: WordTfidf
    stop_words: frozenset[str]
    coef: np.ndarray
    intercept: np.ndarray
    temperature: float

    def features(self, texts: Sequence[str]) -> sp.csr_matrix:
        prepared = [model_text(t, self.stop_words) for t in texts]
        return stack(self.body, self.head, self.words, prepared)

    def decision(self, texts: Sequence[str]) -> np.ndarray:
        """Linear scores, one column per label, computed in batches to bound memory."""
        parts = [
            np.asarray(self.features(texts[i : i + _BATCH]) @ self.coef.T) + self.intercept
            for i in range(0, len(texts), _BATCH)
        ]
        return np.vstack(parts) if parts else np.zeros((0, len(self.labels)))

    def predict(self, texts: Sequence[str]) -> list[str]:
        scores = self.decision(texts)
        return [self.labels[i] for i in scores.argmax(axis=1)]

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        return softmax(self.decision(texts) / self.temperature)

    def top_k(self, text: str, k: int = 3) -> list[tuple[str, float]]:
        """The ``k`` likeliest labels with their probabilities, best first."""
        return self._top(self.predict_proba([text])[0], k)

    def _top(self, proba: np.ndarray, k: int) -> list[tuple[str, float]]:
        order = np.argsort(-proba, kind="stable")[:k]
        return [(self.labels[i], float(proba[i])) for i in order]

    def explain(self, text: str, label: str | None = None, n: int = 6) -> list[str]:
        """Phrases of ``text`` that pushed it towards ``label`` (default: the predicted one).

        Overlapping n-grams that each count for the label are joined back into
        the phrase they came from ("自来" + "来水" → "自来水").
        """
        row = self.features([text])
        target = self.labels.index(label) if label else int(self._scores(row).argmax())
        return self._explain(text, row, target, n)

    def _scores(self, row: sp.csr_matrix) -> np.ndarray:
        return np.asarray(row @ self.coef.T)[0] + self.intercept

    def _explain(self, text: str, row: sp.csr_matrix, target: int, n: int) -> list[str]:
        # Contribution relative to the average label, so that n-grams that
        # raise every label's score (common characters) do not show up.
        weights = self.coef[target, row.indices] - self.coef[:, row.indices].mean(axis=0)
        found = contributions(self, row.indices, row.data * weights)
        return phrases(folded_text(text), found, n)

    def classify(self, text: str, k: int = 3) -> Prediction:
        """Label, top ``k`` labels with probabilities and the phrases behind the label."""
        row = self.features([text])
        proba = softmax(self._scores(row)[None, :] / self.temperature)[0]
        top = self._top(proba, k)
        target = self.labels.index(top[0][0])
        return Prediction(label=top[0][0], top=top, words=self._explain(text, row, target, 6))

    def save(self, path: str | Path) -> None:
        """Write the model as an ``.npz`` archive of plain arrays (no pickles)."""
        storage.save(self, path)

    @classmethod
    def load(cls, path: str | Path) -> Model:
        """Read a model file; :class:`~.storage.ModelError` if it is not one of this version."""
        return cls(**storage.load_fields(path))
