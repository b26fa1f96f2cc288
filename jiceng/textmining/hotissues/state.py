"""A grouping stored as an ``.npz`` of plain arrays, read back without pickles."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING, Any

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.hotissues.boilerplate import Boilerplate
from jiceng.textmining.hotissues.vectors import BUCKETS

if TYPE_CHECKING:
    from jiceng.textmining.hotissues.grouping import Grouping

STATE_FORMAT = "jiceng.textmining.grouping"
STATE_VERSION = 1


class StateError(ValueError):
    """Stored grouping state that cannot be read: damaged, or of another version."""


def to_bytes(grouping: Grouping) -> bytes:
    """The grouping as an ``.npz`` archive of plain arrays."""
    buffer = io.BytesIO()
    np.savez(
        buffer,
        allow_pickle=False,
        format=np.array(STATE_FORMAT),
        version=np.array(STATE_VERSION),
        ids=np.array(grouping.ids, dtype=str),
        categories=np.array(grouping.categories, dtype=str),
        labels=grouping.labels.astype(np.int64),
        indptr=grouping.vectors.indptr.astype(np.int64),
        indices=grouping.vectors.indices.astype(np.int32),
        # Half precision is plenty for cosines compared with 0.2, and halves the state.
        data=grouping.vectors.data.astype(np.float16),
        df=np.minimum(grouping.df, np.iinfo(np.uint16).max).astype(np.uint16),
        n_docs=np.array(grouping.n_docs),
        sentences=np.array(sorted(grouping.boilerplate.sentences), dtype=str),
        clauses=np.array(sorted(grouping.boilerplate.clauses), dtype=str),
        min_similarity=np.array(grouping.min_similarity),
    )
    return buffer.getvalue()


def fields_from_bytes(blob: bytes) -> dict[str, Any]:
    """The fields of a :class:`Grouping` stored by :func:`to_bytes`."""
    try:
        with np.load(io.BytesIO(blob), allow_pickle=False) as loaded:
            data = {name: loaded[name] for name in loaded.files}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as error:
        raise StateError(f"not a stored grouping ({error})") from error
    if str(data.get("format", "")) != STATE_FORMAT:
        raise StateError("not a stored grouping")
    if int(data.get("version", -1)) != STATE_VERSION:
        raise StateError(f"grouping of version {data.get('version')}, not {STATE_VERSION}")
    try:
        return _from_arrays(data)
    except KeyError as error:
        raise StateError(f"incomplete stored grouping, {error} missing") from error


def _from_arrays(data: dict[str, np.ndarray]) -> dict[str, Any]:
    labels = np.asarray(data["labels"], dtype=np.int64)
    return dict(
        ids=[str(i) for i in data["ids"].tolist()],
        categories=[str(c) for c in data["categories"].tolist()],
        labels=labels,
        vectors=sp.csr_matrix(
            (data["data"].astype(np.float32), data["indices"], data["indptr"]),
            shape=(len(labels), BUCKETS),
        ),
        df=np.asarray(data["df"], dtype=np.int32),
        n_docs=int(data["n_docs"]),
        boilerplate=Boilerplate(
            frozenset(str(s) for s in data["sentences"].tolist()),
            frozenset(str(c) for c in data["clauses"].tolist()),
        ),
        min_similarity=float(data["min_similarity"]),
    )
