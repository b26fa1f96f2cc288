"""Category classifier for cases: character n-grams and words + a linear SVM.

A message is first cut into words the way the training set was
(:mod:`jiceng.textmining.words`: jieba's cut without the stop words that were
removed from the training set), so that a raw message and its pre-segmented
training form give the same features. Features (see
:mod:`jiceng.textmining.features`): TF-IDF of character 1–2-grams of those
words run together, plus the same for their first 20 letters/digits at half
weight, plus TF-IDF of the words themselves. The opening of a message is its
title, which names the problem far more reliably than the story that follows;
weighting it separately was the one feature change that beat plain n-grams in
cross-validation on the 2020 Teddy Cup set (macro-F1 0.925 → 0.930; balanced
class weights add a little more, to 0.932). Word unigrams, once raw messages
are cut like the training text, add a little more on both the cross-validation
and the raw sample (0.932 → 0.934, 0.879 → 0.882; bench/textmining/README.md).
Longer n-grams, word bigrams, LSA, self-training on unlabelled messages and
ensembles with naive Bayes, logistic regression or SGD did not help.

Only letters and digits enter the character features, and traditional
characters are converted first.  Function characters that survive inside
longer words (:data:`STOP_CHARS`: "我" of "我市") are dropped from the
character stream too: as words they were removed from the training set.

Probabilities come from a softmax of the SVM scores with one temperature
fitted on out-of-fold scores, which is enough to rank the top three categories
for a dispatcher.

Model files are ``.npz`` archives of plain arrays (vocabularies, idf weights,
coefficients, intercepts, labels) read with ``allow_pickle=False``: loading a
model file never runs code, so a model from elsewhere is safe to open.
scikit-learn is imported only to train and score, never to predict, so a web
process that classifies does not pay for it.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.features import NgramTfidf, WordTfidf, folded_text
from jiceng.textmining.words import content_words, default_stop_words

if TYPE_CHECKING:
    from sklearn.svm import LinearSVC

MODEL_FORMAT = "jiceng.textmining.classifier"
MODEL_VERSION = 3
HEAD_CHARS = 20
HEAD_WEIGHT = 0.5
WORD_WEIGHT = 1.0
_BATCH = 2048
# Function characters that the training set's segmenter removed as stop words: in
# raw 附件3/附件4 messages each is 8 to 77 times as frequent as in train_segmented.csv
# (bench/textmining/README.md). Inside longer words they survive the stop-word list,
# so they are also dropped from the character stream on both sides.
STOP_CHARS = "的我了们和都也么但他与将什且又吗或"
_STOP_TABLE = dict.fromkeys(map(ord, STOP_CHARS))


@dataclass(frozen=True)
class ModelText:
    """A message as the classifier reads it: its content words, and their characters."""

    words: list[str]
    chars: str


def model_text(text: str, stop_words: frozenset[str] | None = None) -> ModelText:
    """``text`` cut into content words (:func:`~jiceng.textmining.words.content_words`)."""
    words = content_words(text, default_stop_words() if stop_words is None else stop_words)
    return ModelText(words, "".join(words).translate(_STOP_TABLE))


class ModelError(ValueError):
    """A model file that is missing, of another kind or of an unknown version."""


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
        return _stack(self.body, self.head, self.words, prepared)

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
        return _softmax(self.decision(texts) / self.temperature)

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
        contributions = _contributions(self, row.indices, row.data * weights)
        return _phrases(folded_text(text), contributions, n)

    def classify(self, text: str, k: int = 3) -> Prediction:
        """Label, top ``k`` labels with probabilities and the phrases behind the label."""
        row = self.features([text])
        proba = _softmax(self._scores(row)[None, :] / self.temperature)[0]
        top = self._top(proba, k)
        target = self.labels.index(top[0][0])
        return Prediction(label=top[0][0], top=top, words=self._explain(text, row, target, 6))

    def save(self, path: str | Path) -> None:
        """Write the model as an ``.npz`` archive of plain arrays (no pickles)."""
        arrays: dict[str, Any] = self._to_arrays()
        with Path(path).open("wb") as handle:
            np.savez_compressed(handle, allow_pickle=False, **arrays)

    @classmethod
    def load(cls, path: str | Path) -> Model:
        path = Path(path)
        if not path.is_file():
            raise ModelError(f"{path}: no such model file")
        data = _read_arrays(path)
        if str(data.get("format", "")) != MODEL_FORMAT:
            raise ModelError(f"{path}: not a jiceng text classifier")
        found = int(data["version"]) if "version" in data else None
        if found != MODEL_VERSION:
            raise ModelError(
                f"{path}: model version {found}, this code reads {MODEL_VERSION}; retrain"
            )
        try:
            return cls._from_arrays(data)
        except KeyError as error:
            raise ModelError(f"{path}: incomplete model file, {error} missing") from error

    def _to_arrays(self) -> dict[str, np.ndarray]:
        # Plain arrays rather than pickled classes: refactoring this module does not
        # break deployed model files, and opening one cannot run code.
        return {
            "format": np.array(MODEL_FORMAT),
            "version": np.array(MODEL_VERSION),
            "labels": np.array(self.labels, dtype=str),
            **_vectorizer_arrays("body", self.body),
            **_vectorizer_arrays("head", self.head),
            "words_vocabulary": np.asarray(self.words.vocabulary, dtype=str),
            "words_idf": np.asarray(self.words.idf, dtype=np.float32),
            "words_min_df": np.array(self.words.min_df, dtype=np.int64),
            # The model reads text as it was trained: the stop words travel with it.
            "stop_words": np.array(sorted(self.stop_words), dtype=str),
            "coef": self.coef,
            "intercept": self.intercept,
            "temperature": np.array(self.temperature),
        }

    @classmethod
    def _from_arrays(cls, data: dict[str, np.ndarray]) -> Model:
        return cls(
            labels=[str(label) for label in data["labels"].tolist()],
            body=_vectorizer_from("body", data),
            head=_vectorizer_from("head", data),
            words=WordTfidf(
                min_df=int(data["words_min_df"]),
                vocabulary=np.asarray(data["words_vocabulary"], dtype=str),
                idf=np.asarray(data["words_idf"], dtype=np.float32),
            ),
            stop_words=frozenset(str(w) for w in data["stop_words"].tolist()),
            coef=np.asarray(data["coef"], dtype=np.float32),
            intercept=np.asarray(data["intercept"], dtype=np.float32),
            temperature=float(data["temperature"]),
        )


def _read_arrays(path: Path) -> dict[str, np.ndarray]:
    try:
        loaded = np.load(path, allow_pickle=False)
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise ModelError(f"{path}: not a jiceng text classifier ({error})") from error
    if not isinstance(loaded, np.lib.npyio.NpzFile):
        raise ModelError(f"{path}: not a jiceng text classifier")
    with loaded:
        return {name: loaded[name] for name in loaded.files}


def _vectorizer_arrays(prefix: str, v: NgramTfidf) -> dict[str, np.ndarray]:
    return {
        f"{prefix}_ngram_range": np.array(v.ngram_range, dtype=np.int64),
        f"{prefix}_min_df": np.array(v.min_df, dtype=np.int64),
        # -1 stands for "no limit": npz holds arrays, not None.
        f"{prefix}_max_chars": np.array(-1 if v.max_chars is None else v.max_chars),
        f"{prefix}_vocabulary": np.asarray(v.vocabulary, dtype=np.uint64),
        f"{prefix}_idf": np.asarray(v.idf, dtype=np.float32),
    }


def _vectorizer_from(prefix: str, data: dict[str, np.ndarray]) -> NgramTfidf:
    low, high = (int(n) for n in data[f"{prefix}_ngram_range"].tolist())
    max_chars = int(data[f"{prefix}_max_chars"])
    return NgramTfidf(
        ngram_range=(low, high),
        min_df=int(data[f"{prefix}_min_df"]),
        max_chars=None if max_chars < 0 else max_chars,
        vocabulary=np.asarray(data[f"{prefix}_vocabulary"], dtype=np.uint64),
        idf=np.asarray(data[f"{prefix}_idf"], dtype=np.float32),
    )


def _stack(
    body: NgramTfidf, head: NgramTfidf, words: WordTfidf, prepared: Sequence[ModelText]
) -> sp.csr_matrix:
    chars = [p.chars for p in prepared]
    return sp.hstack(
        [
            body.transform(chars),
            HEAD_WEIGHT * head.transform(chars),
            WORD_WEIGHT * words.transform([p.words for p in prepared]),
        ],
        format="csr",
    )


def _softmax(scores: np.ndarray) -> np.ndarray:
    shifted = np.exp(scores - scores.max(axis=1, keepdims=True))
    return shifted / shifted.sum(axis=1, keepdims=True)


def _contributions(model: Model, columns: np.ndarray, values: np.ndarray) -> dict[str, float]:
    """Contribution per n-gram or word (title, body and word features added up)."""
    split = len(model.body.vocabulary)
    words_from = split + len(model.head.vocabulary)
    totals: dict[str, float] = {}
    for col, value in zip(columns.tolist(), values.tolist(), strict=True):
        if col >= words_from:
            name = model.words.feature_name(col - words_from)
        elif col >= split:
            name = model.head.feature_name(col - split)
        else:
            name = model.body.feature_name(col)
        totals[name] = totals.get(name, 0.0) + value
    return totals


def _phrases(text: str, contributions: dict[str, float], n: int) -> list[str]:
    if not contributions:
        return []
    strongest = max(contributions.values())
    # Only n-grams carrying a real share of the evidence; the long tail of tiny
    # positive weights would glue whole sentences together.
    chosen = {g: v for g, v in contributions.items() if v >= 0.15 * strongest and len(g) > 1}
    covered = [0.0] * len(text)
    for gram, value in chosen.items():
        start = text.find(gram)
        while start != -1:
            for i in range(start, start + len(gram)):
                covered[i] = max(covered[i], value)
            start = text.find(gram, start + 1)
    spans: dict[str, float] = {}
    i = 0
    while i < len(text):
        if covered[i] == 0:
            i += 1
            continue
        j = i
        while j < len(text) and covered[j] > 0:
            j += 1
        phrase = text[i:j]
        spans[phrase] = max(spans.get(phrase, 0.0), sum(covered[i:j]))
        i = j
    return sorted(spans, key=lambda p: (-spans[p], p))[:n]


def _svm(y: np.ndarray, x: sp.csr_matrix, c: float) -> LinearSVC:
    from sklearn.svm import LinearSVC

    # Balanced class weights: the score that matters is macro-F1, where a small
    # category (交通运输) counts as much as the biggest one.
    return LinearSVC(C=c, class_weight="balanced", dual="auto", max_iter=5000).fit(x, y)


def _fit_temperature(x: sp.csr_matrix, y: np.ndarray, labels: list[str], c: float) -> float:
    """Temperature that makes softmax(score / T) honest on out-of-fold scores."""
    from scipy.optimize import minimize_scalar
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.svm import LinearSVC

    folds = min(3, int(np.bincount(np.searchsorted(labels, y)).min()))
    if folds < 2 or len(labels) < 3:
        return 1.0
    cv = StratifiedKFold(folds, shuffle=True, random_state=0)
    scores = cross_val_predict(
        LinearSVC(C=c, class_weight="balanced", dual="auto", max_iter=5000),
        x,
        y,
        cv=cv,
        method="decision_function",
    )
    truth = np.searchsorted(labels, y)

    def nll(t: float) -> float:
        proba = _softmax(scores / t)
        return float(-np.log(proba[np.arange(len(y)), truth] + 1e-12).mean())

    return float(minimize_scalar(nll, bounds=(0.01, 10.0), method="bounded").x)


def train(texts: Sequence[str], labels: Sequence[str], *, c: float = 1.0) -> Model:
    """Fit a classifier on raw or pre-segmented texts with one label each."""
    if len(texts) != len(labels):
        raise ValueError(f"{len(texts)} texts but {len(labels)} labels")
    y = np.asarray([str(label).strip() for label in labels])
    classes = sorted(set(y.tolist()))
    if len(classes) < 2:
        raise ValueError("training needs at least two different labels")
    stop_words = default_stop_words()
    prepared = [model_text(t, stop_words) for t in texts]
    chars = [p.chars for p in prepared]
    body = NgramTfidf(ngram_range=(1, 2), min_df=2).fit(chars)
    head = NgramTfidf(ngram_range=(1, 2), min_df=2, max_chars=HEAD_CHARS).fit(chars)
    words = WordTfidf(min_df=2).fit([p.words for p in prepared])
    x = _stack(body, head, words, prepared)
    svm = _svm(y, x, c)
    coef, intercept = svm.coef_, svm.intercept_
    if len(classes) == 2:
        # A binary SVM has one score s for the second class; [-s/2, s/2] makes
        # the softmax equal the logistic function of s.
        coef, intercept = np.vstack([-coef, coef]) / 2, np.r_[-intercept, intercept] / 2
    return Model(
        labels=classes,
        body=body,
        head=head,
        words=words,
        stop_words=stop_words,
        coef=np.asarray(coef, dtype=np.float32),
        intercept=np.asarray(intercept, dtype=np.float32),
        temperature=_fit_temperature(x, y, classes, c),
    )


def evaluate(model: Model, texts: Sequence[str], labels: Sequence[str]) -> dict[str, Any]:
    """Quality and speed of ``model`` on labelled texts.

    ``messages_per_second`` divides by the CPU time of this process (one core,
    normalisation included), so it does not depend on what else the machine runs.
    """
    from sklearn.metrics import precision_recall_fscore_support

    truth = [str(label).strip() for label in labels]
    cpu, wall = time.process_time(), time.perf_counter()
    predicted = model.predict(texts)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    names = sorted(set(truth) | set(predicted))
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=names, zero_division=0)
    per_class = {
        name: {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
        }
        for i, name in enumerate(names)
    }
    return {
        "messages": len(truth),
        "macro_f1": float(np.mean(f)),
        "accuracy": float(np.mean([a == b for a, b in zip(truth, predicted, strict=True)])),
        "per_class": per_class,
        "messages_per_second": len(truth) / max(cpu, 1e-9),
        "messages_per_second_wall": len(truth) / max(wall, 1e-9),
    }
