"""Model files: ``.npz`` archives of plain arrays, read with ``allow_pickle=False``."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jiceng.textmining.features.tfidf import NgramTfidf, WordTfidf

if TYPE_CHECKING:
    from jiceng.textmining.classify.model import Model

MODEL_FORMAT = "jiceng.textmining.classifier"
MODEL_VERSION = 3


class ModelError(ValueError):
    """A model file that is missing, of another kind or of an unknown version."""


def save(model: Model, path: str | Path) -> None:
    """Write ``model`` as an ``.npz`` archive of plain arrays (no pickles)."""
    arrays: dict[str, Any] = _to_arrays(model)
    with Path(path).open("wb") as handle:
        np.savez_compressed(handle, allow_pickle=False, **arrays)


def load_fields(path: str | Path) -> dict[str, Any]:
    """The fields of the model stored at ``path``; :class:`ModelError` if it is not one."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(f"{path}: no such model file")
    data = _read_arrays(path)
    if str(data.get("format", "")) != MODEL_FORMAT:
        raise ModelError(f"{path}: not a jiceng text classifier")
    found = int(data["version"]) if "version" in data else None
    if found != MODEL_VERSION:
        raise ModelError(f"{path}: model version {found}, this code reads {MODEL_VERSION}; retrain")
    try:
        return _from_arrays(data)
    except KeyError as error:
        raise ModelError(f"{path}: incomplete model file, {error} missing") from error


def _to_arrays(model: Model) -> dict[str, np.ndarray]:
    # Plain arrays rather than pickled classes: refactoring this module does not
    # break deployed model files, and opening one cannot run code.
    return {
        "format": np.array(MODEL_FORMAT),
        "version": np.array(MODEL_VERSION),
        "labels": np.array(model.labels, dtype=str),
        **_vectorizer_arrays("body", model.body),
        **_vectorizer_arrays("head", model.head),
        "words_vocabulary": np.asarray(model.words.vocabulary, dtype=str),
        "words_idf": np.asarray(model.words.idf, dtype=np.float32),
        "words_min_df": np.array(model.words.min_df, dtype=np.int64),
        # The model reads text as it was trained: the stop words travel with it.
        "stop_words": np.array(sorted(model.stop_words), dtype=str),
        "coef": model.coef,
        "intercept": model.intercept,
        "temperature": np.array(model.temperature),
    }


def _from_arrays(data: dict[str, np.ndarray]) -> dict[str, Any]:
    return dict(
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
