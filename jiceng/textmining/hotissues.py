"""Hot issues: many messages about one and the same problem (the 每月一题 signal).

Grouping
    Each message becomes a TF-IDF vector of character 2–3-grams of its title
    and the start of its text (``TEXT_CHARS``) plus, with equal weight, of its
    title; titles name the problem ("伊景园滨河苑捆绑销售车位") while bodies
    wander.  Each vector keeps its ``VECTOR_FEATURES`` strongest n-grams: the
    distinctive ones (an estate's name, "搅拌站"), so that long messages about
    one problem are not kept apart by everything else they say.  Messages are
    grouped by average-linkage agglomerative clustering and two groups are
    merged only while the *average* cosine similarity between all their members
    stays at or above ``min_similarity`` (0.2).  Average linkage, unlike
    connected components, does not chain "丽发新城 搅拌站" to "丽发新城 停水"
    through one message that mentions both, so a group is one problem at one
    place rather than a topic.  Because no merge can happen without at least one
    pair at or above the threshold, clustering runs separately inside each
    connected component of the "similarity ≥ threshold" graph.

Scale
    A city's month is 100,000 messages; grouping them takes about 35 s of CPU
    and 700 MB (bench/textmining/hot_issues_scale.py), and placing an hour's new
    messages into the stored groups takes about 2 s.  What makes it so:

    * n-grams are hashed into ``2**HASH_BITS`` columns instead of being looked
      up in a vocabulary, and counted a chunk of messages at a time.  At this
      size two n-grams share a column now and then; an accidental shared column
      adds a few thousandths to a similarity compared with 0.2;
    * n-grams found in one message only, or in more than ``COMMON_SHARE`` of
      the month (and more than ``COMMON_FLOOR`` messages), are left out: the
      first cannot make two messages alike, the second tell no problem from
      another and would make the comparison quadratic.  The floor keeps a big
      problem's own name (丽发新城 in 47 of 附件3's 4,326 messages) in;
    * the similarity graph is built from sparse products, a block of messages
      at a time, so pairs that share no n-gram cost nothing;
    * a connected component larger than ``DENSE_LIMIT`` is cut at a higher
      similarity (0.25, 0.3, …) until its pieces fit, and each piece is
      clustered exactly.  Pieces are not merged again: at worst two parts of
      one large problem stay apart, never two problems together;
    * the groups are kept (:class:`Grouping`, an ``.npz`` of plain arrays):
      n-gram counts, each message's vector and group.  A new message joins the
      group of its category whose members it resembles most on average when
      that average reaches ``min_similarity`` (the average-linkage test, the
      message being a group of one), else it starts a group of its own.  New
      messages do not merge existing groups; the nightly full regroup does.

Boilerplate
    Sentences that recur word for word across a large share of the input
    ("自己也想过办法，实在没办法才来反映。", a form's standard closing line) say
    nothing about the problem, yet in short messages they outweigh it and pull
    unrelated messages together. A sentence found in at least
    ``BOILERPLATE_SHARE`` of the messages (and in at least three) is removed
    before grouping; digits do not count ("我家12号，门口有棵大桂花树" is one
    line for every house). When messages carry their category, a clause found
    in messages of three or more categories is removed too: one problem is
    reported under one category, a stock phrase under any. On the 4,326
    messages of 附件3 (no categories) no sentence is that common, so the groups
    there are unchanged.

Heat index
    ``heat = (log2(1 + voices) + 0.5·log2(1 + likes) + 0.5·log2(1 + active_days)) × recency``

    * voices: distinct users when a user column is given, else messages — one
      person posting twenty times is one voice;
    * likes: sum of likes (点赞数) of the members — a like is a weaker voice
      than a message, hence the half weight and the logarithms, which also stop
      one viral post from burying everything else;
    * active_days: distinct calendar days with a message — a problem raised
      over weeks matters more than a burst in one afternoon;
    * recency: ``0.6 + 0.4 · 2^(-age/90 days)`` where age is the time from the
      group's last message to ``now`` (default: the newest message of the
      input, so an old export ranks the same whenever it is analysed).  Stale
      issues lose at most 40 %: an unsolved old problem stays visible.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from jiceng.textmining.features import ngram_keys, prepare
from jiceng.textmining.keywords import PhraseStats

MIN_SIMILARITY = 0.2
BOILERPLATE_SHARE = 0.05
_BOILERPLATE_FLOOR = 3
_SENTENCE_END = re.compile(r"(?<=[。！？!?；;\n])")
_CLAUSE_END = re.compile(r"(?<=[，,。！？!?；;\n])")
# Digits and punctuation are left out when sentences are compared: a form line with
# a house number in it ("我家12号，门口有棵大桂花树") is the same line for every house.
_NOT_COMPARED = re.compile(r"[\W\d_]+")
BOILERPLATE_CATEGORIES = 3
_MIN_CLAUSE = 4
_NO_TIME = datetime.max.replace(tzinfo=UTC)
RECENCY_HALF_LIFE = timedelta(days=90)
_LABEL_CHARS = 40
NGRAMS = (2, 3)
# Scale (see the module docstring).
TEXT_CHARS = 1000
VECTOR_FEATURES = 64
DENSE_LIMIT = 2500
_CUT_STEP = 0.05
COMMON_FLOOR = 1000
COMMON_SHARE = 0.01
KEYWORD_SAMPLE = 5000
JOIN_NEIGHBOURS = 5
_CHUNK_ROWS = 2048
HASH_BITS = 23
BUCKETS = 1 << HASH_BITS
_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
STATE_FORMAT = "jiceng.textmining.grouping"
STATE_VERSION = 1


@dataclass(frozen=True)
class Message:
    id: str
    text: str
    title: str = ""
    time: datetime | None = None
    likes: int = 0
    user: str = ""
    # The case category when known: boilerplate shows by recurring across categories.
    category: str = ""


@dataclass(frozen=True)
class HotIssue:
    rank: int
    label: str
    heat: float
    size: int
    members: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    keywords: list[str]
    voices: int
    likes: int
    active_days: int

    def as_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "label": self.label,
            "heat": round(self.heat, 3),
            "size": self.size,
            "members": self.members,
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "keywords": self.keywords,
            "voices": self.voices,
            "likes": self.likes,
            "active_days": self.active_days,
        }


def _sentences(text: str) -> list[str]:
    return [part for part in _SENTENCE_END.split(text) if part.strip()]


def _clauses(text: str) -> list[str]:
    return [part for part in _CLAUSE_END.split(text) if part.strip()]


def _key(part: str) -> str:
    return _NOT_COMPARED.sub("", part)


@dataclass(frozen=True)
class Boilerplate:
    """Sentences common to many messages and clauses found under many categories."""

    sentences: frozenset[str] = frozenset()
    clauses: frozenset[str] = frozenset()

    def clean(self, text: str) -> str:
        if not self.sentences and not self.clauses:
            return text
        kept = (p for p in _sentences(text) if _key(p) not in self.sentences)
        return "".join(c for p in kept for c in _clauses(p) if _key(c) not in self.clauses)


def find_boilerplate(messages: Sequence[Message], share: float = BOILERPLATE_SHARE) -> Boilerplate:
    """The boilerplate of ``messages`` (see the module docstring).

    A sentence is boilerplate when it recurs in ``share`` of the messages; a clause,
    when it recurs in messages of ``BOILERPLATE_CATEGORIES`` different categories
    (categories known): a problem is reported under one category, a form line under all.
    """
    counts: Counter[str] = Counter()
    categories: dict[str, set[str]] = {}
    for message in messages:
        counts.update({_key(part) for part in _sentences(message.text)})
        if message.category:
            for clause in {_key(part) for part in _clauses(message.text)}:
                if len(clause) >= _MIN_CLAUSE:
                    categories.setdefault(clause, set()).add(message.category)
    limit = max(_BOILERPLATE_FLOOR, share * len(messages))
    return Boilerplate(
        frozenset(key for key, n in counts.items() if n >= limit and key),
        frozenset(key for key, seen in categories.items() if len(seen) >= BOILERPLATE_CATEGORIES),
    )


def drop_boilerplate(
    messages: Sequence[Message], share: float = BOILERPLATE_SHARE
) -> list[Message]:
    """The messages without their boilerplate (:func:`find_boilerplate`)."""
    found = find_boilerplate(messages, share)
    if not found.sentences and not found.clauses:
        return list(messages)
    return [replace(m, text=found.clean(m.text)) for m in messages]


class StateError(ValueError):
    """Stored grouping state that cannot be read: damaged, or of another version."""


@dataclass
class Grouping:
    """Messages grouped into problems, kept so that new messages can be placed later.

    Build one with :meth:`build` (the nightly full regroup), add the hour's new
    messages with :meth:`place`, persist it with :meth:`to_bytes` (an ``.npz`` of
    plain arrays, read back without pickles by :meth:`from_bytes`).  ``labels[i]``
    is the group of message ``ids[i]``; a message alone is a group of one.
    """

    ids: list[str]
    categories: list[str]
    labels: np.ndarray  # group of each message, int64
    vectors: sp.csr_matrix  # L2-normalised rows over the n-gram buckets (_buckets)
    df: np.ndarray  # messages (of n_docs) each n-gram bucket occurs in, int32
    n_docs: int
    boilerplate: Boilerplate = field(default_factory=Boilerplate)
    min_similarity: float = MIN_SIMILARITY

    @classmethod
    def build(cls, messages: Sequence[Message], min_similarity: float = MIN_SIMILARITY) -> Grouping:
        """Group ``messages`` from scratch (see the module docstring, *Scale*)."""
        boilerplate = find_boilerplate(messages)
        texts, titles = _grouping_texts(messages, boilerplate)
        df = _document_frequency(texts)
        vectors = _vectors(texts, titles, df, len(texts))
        labels = _cluster(vectors, min_similarity)
        labels = _split_by_category(labels, [m.category for m in messages])
        return cls(
            ids=[m.id for m in messages],
            categories=[m.category for m in messages],
            labels=labels,
            vectors=vectors,
            df=df,
            n_docs=len(messages),
            boilerplate=boilerplate,
            min_similarity=min_similarity,
        )

    def __len__(self) -> int:
        return len(self.ids)

    def group_sizes(self) -> np.ndarray:
        """Size of each group that has members (groups of one included)."""
        sizes = np.bincount(self.labels) if len(self.labels) else np.zeros(0, np.int64)
        return sizes[sizes > 0]

    def groups(self, min_size: int = 1) -> list[list[int]]:
        """Row indices of the members of each group of at least ``min_size``."""
        if not len(self.labels):
            return []
        if min_size > 1:
            big = np.flatnonzero(np.bincount(self.labels) >= min_size)
            rows = np.flatnonzero(np.isin(self.labels, big))
            return [rows[part].tolist() for part in _split_by(self.labels[rows])]
        return [part.tolist() for part in _split_by(self.labels)]

    def remove(self, ids: Iterable[str]) -> int:
        """Drop messages (deleted, or quarantined as spam since); their groups shrink."""
        gone = set(ids)
        keep = np.array([i not in gone for i in self.ids], dtype=bool)
        dropped = int((~keep).sum())
        if dropped:
            self.ids = [i for i, k in zip(self.ids, keep.tolist(), strict=True) if k]
            self.categories = [c for c, k in zip(self.categories, keep.tolist(), strict=True) if k]
            self.labels = self.labels[keep]
            self.vectors = sp.csr_matrix(self.vectors[keep])
        return dropped

    def place(self, messages: Sequence[Message]) -> int:
        """Put messages not grouped yet into existing groups, or into new ones.

        A message joins the group of its category whose closest members it resembles
        most on average, when that average reaches ``min_similarity`` — the test
        average linkage applies to every merge, here between the message and the
        part of the group it is nearest (:meth:`_best_group`).  Otherwise it starts a
        group of its own, which later messages can join.
        Returns how many messages were placed.
        """
        known = set(self.ids)
        new = [m for m in messages if m.id not in known]
        if not new:
            return 0
        texts, titles = _grouping_texts(new, self.boilerplate)
        self.df += _document_frequency(texts)
        self.n_docs += len(texts)
        vectors = _vectors(texts, titles, self.df, self.n_docs)
        to_old = sp.csr_matrix(vectors @ self.vectors.T)
        among = sp.csr_matrix(vectors @ vectors.T)
        sizes = list(np.bincount(self.labels).tolist()) if len(self.labels) else []
        old_labels, old_cats = self.labels, np.array(self.categories, dtype=str)
        new_labels = np.zeros(len(new), dtype=np.int64)
        new_cats = np.array([m.category for m in new], dtype=str)
        for i, message in enumerate(new):
            old = slice(to_old.indptr[i], to_old.indptr[i + 1])
            cols, sims = to_old.indices[old], to_old.data[old]
            same = old_cats[cols] == message.category if len(cols) else np.zeros(0, bool)
            near = slice(among.indptr[i], among.indptr[i + 1])
            earlier = among.indices[near] < i
            peers = among.indices[near][earlier]
            peer_sims = among.data[near][earlier]
            peer_same = new_cats[peers] == message.category
            groups = np.r_[old_labels[cols[same]], new_labels[peers[peer_same]]]
            weights = np.r_[sims[same], peer_sims[peer_same]]
            new_labels[i] = self._best_group(groups, weights, sizes)
            if new_labels[i] == len(sizes):
                sizes.append(0)
            sizes[new_labels[i]] += 1
        self.ids += [m.id for m in new]
        self.categories += [m.category for m in new]
        self.labels = np.r_[self.labels, new_labels]
        self.vectors = sp.csr_matrix(sp.vstack([self.vectors, vectors]))
        return len(new)

    def _best_group(self, groups: np.ndarray, weights: np.ndarray, sizes: list[int]) -> int:
        """The group whose ``JOIN_NEIGHBOURS`` closest members the message resembles most
        on average, if that reaches ``min_similarity``; else ``len(sizes)``, a new group.

        The closest members rather than all: a large group is several close-knit parts
        that average linkage joined part to part, and a new report resembles one part.
        """
        if len(groups):
            order = np.lexsort((-weights, groups))
            groups, weights = groups[order], weights[order]
            found, starts = np.unique(groups, return_index=True)
            rank = np.arange(len(groups)) - np.repeat(starts, np.diff(np.r_[starts, len(groups)]))
            near = rank < JOIN_NEIGHBOURS
            where = np.searchsorted(found, groups[near])
            counted = np.minimum(np.asarray(sizes)[found], JOIN_NEIGHBOURS)
            average = np.bincount(where, weights=weights[near], minlength=len(found)) / counted
            best = int(np.argmax(average))
            if average[best] >= self.min_similarity:
                return int(found[best])
        return len(sizes)

    def to_bytes(self) -> bytes:
        """The grouping as an ``.npz`` archive of plain arrays."""
        buffer = io.BytesIO()
        np.savez(
            buffer,
            allow_pickle=False,
            format=np.array(STATE_FORMAT),
            version=np.array(STATE_VERSION),
            ids=np.array(self.ids, dtype=str),
            categories=np.array(self.categories, dtype=str),
            labels=self.labels.astype(np.int64),
            indptr=self.vectors.indptr.astype(np.int64),
            indices=self.vectors.indices.astype(np.int32),
            # Half precision is plenty for cosines compared with 0.2, and halves the state.
            data=self.vectors.data.astype(np.float16),
            df=np.minimum(self.df, np.iinfo(np.uint16).max).astype(np.uint16),
            n_docs=np.array(self.n_docs),
            sentences=np.array(sorted(self.boilerplate.sentences), dtype=str),
            clauses=np.array(sorted(self.boilerplate.clauses), dtype=str),
            min_similarity=np.array(self.min_similarity),
        )
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, blob: bytes) -> Grouping:
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
            return cls._from_arrays(data)
        except KeyError as error:
            raise StateError(f"incomplete stored grouping, {error} missing") from error

    @classmethod
    def _from_arrays(cls, data: dict[str, np.ndarray]) -> Grouping:
        labels = np.asarray(data["labels"], dtype=np.int64)
        return cls(
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


def _grouping_texts(
    messages: Sequence[Message], boilerplate: Boilerplate
) -> tuple[list[str], list[str]]:
    """What is compared: title + text without boilerplate (its start), and the title."""
    texts = [prepare(f"{m.title} {boilerplate.clean(m.text)}")[:TEXT_CHARS] for m in messages]
    return texts, [prepare(m.title) for m in messages]


def _buckets(keys: np.ndarray) -> np.ndarray:
    """Column of each packed n-gram key: the top ``HASH_BITS`` bits of a multiplicative hash.

    A month of 100,000 messages has millions of distinct n-grams; hashing them into a
    fixed table replaces a vocabulary search (the slowest step) by one multiplication,
    and the incremental state keeps a table of counts instead of every n-gram.  Two
    n-grams sharing a bucket are rare at this size and weigh little (see *Scale*).
    """
    return (keys * _HASH_MULTIPLIER >> np.uint64(64 - HASH_BITS)).astype(np.int64)


def _document_frequency(texts: Sequence[str]) -> np.ndarray:
    """Messages each n-gram bucket occurs in, counted a chunk of texts at a time."""
    df = np.zeros(BUCKETS, dtype=np.int32)
    for start in range(0, len(texts), _CHUNK_ROWS):
        keys, docs = ngram_keys(texts[start : start + _CHUNK_ROWS], NGRAMS)
        # Sorting beats np.unique (a hash table in numpy 2) on these sizes.
        pairs = np.sort(docs * BUCKETS + _buckets(keys))
        buckets = np.sort(pairs[np.r_[True, pairs[1:] != pairs[:-1]]] % BUCKETS)
        buckets, counts = _runs(buckets)
        df[buckets] += counts.astype(np.int32)
    return df


def _runs(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct values of a sorted array and how often each occurs."""
    if not len(values):
        return values, np.zeros(0, np.int64)
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    return values[starts], np.diff(np.r_[starts, len(values)])


def _vectors(
    texts: Sequence[str], titles: Sequence[str], df: np.ndarray, n_docs: int
) -> sp.csr_matrix:
    """Rows of text + title TF-IDF, each cut to its ``VECTOR_FEATURES`` strongest n-grams.

    N-grams found in one message only are left out: they cannot make two messages alike.
    """
    with_titles = any(titles)
    parts = []
    for start in range(0, len(texts), _CHUNK_ROWS):
        rows = _tfidf(texts[start : start + _CHUNK_ROWS], df, n_docs)
        if with_titles:
            rows = rows + _tfidf(titles[start : start + _CHUNK_ROWS], df, n_docs)
        parts.append(_normalised(_strongest(sp.csr_matrix(rows), VECTOR_FEATURES)))
    if not parts:
        return sp.csr_matrix((0, BUCKETS), dtype=np.float32)
    return sp.csr_matrix(sp.vstack(parts, format="csr"), dtype=np.float32)


def _tfidf(texts: Sequence[str], df: np.ndarray, n_docs: int) -> sp.csr_matrix:
    """L2-normalised rows of ``(1 + log tf) * idf``, like ``features.tfidf_rows``."""
    keys, docs = ngram_keys(texts, NGRAMS)
    columns = _buckets(keys)
    counts = df[columns]
    # Seen in one message only, an n-gram makes no two alike; in a large share of
    # them it tells no problem from another (and would make the comparison quadratic).
    seen = (counts >= 2) & (counts <= max(COMMON_FLOOR, COMMON_SHARE * n_docs))
    pairs = np.sort(docs[seen] * BUCKETS + columns[seen])
    if not len(pairs):
        return sp.csr_matrix((len(texts), BUCKETS), dtype=np.float32)
    starts = np.flatnonzero(np.r_[True, pairs[1:] != pairs[:-1]])
    counts = np.diff(np.r_[starts, len(pairs)])
    rows, columns = np.divmod(pairs[starts], BUCKETS)
    idf = np.log((1 + n_docs) / (1 + df[columns].astype(np.float64))) + 1
    data = (1 + np.log(counts)) * idf
    norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=len(texts)))
    norms[norms == 0] = 1.0
    indptr = np.r_[0, np.cumsum(np.bincount(rows, minlength=len(texts)))]
    return sp.csr_matrix(
        ((data / norms[rows]).astype(np.float32), columns, indptr), shape=(len(texts), BUCKETS)
    )


def _strongest(matrix: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row's ``k`` largest entries (the rest set to zero)."""
    lengths = np.diff(matrix.indptr)
    if not len(lengths) or lengths.max() <= k:
        return matrix
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    # One sort by row, then by falling weight (weights lie in [0, 2]: text + title rows).
    order = np.argsort(rows * 4.0 - matrix.data)
    rank = np.arange(len(order)) - matrix.indptr[rows[order]]
    kept = np.sort(order[rank < k])
    return sp.csr_matrix(
        (matrix.data[kept], (rows[kept], matrix.indices[kept])), shape=matrix.shape
    )


def _normalised(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1 / norms) @ matrix)


def message_vectors(messages: Sequence[Message]) -> sp.csr_matrix:
    """L2-normalised vectors of whole text + title (see module docstring)."""
    texts, titles = _grouping_texts(messages, Boilerplate())
    return _vectors(texts, titles, _document_frequency(texts), len(texts))


def similarity_graph(vectors: sp.csr_matrix, min_similarity: float) -> sp.csr_matrix:
    """Sparse matrix of the pairs whose cosine similarity reaches ``min_similarity``.

    Computed a block of rows at a time as sparse products: two messages that share
    no n-gram cost nothing, so the work follows the pairs that share one.
    """
    blocks = []
    transposed = sp.csr_matrix(vectors.T)
    for start in range(0, vectors.shape[0], _CHUNK_ROWS):
        sims = sp.csr_matrix(vectors[start : start + _CHUNK_ROWS] @ transposed)
        sims.data[sims.data < min_similarity] = 0
        sims.eliminate_zeros()
        blocks.append(sims)
    if not blocks:
        return sp.csr_matrix((0, 0))
    return sp.csr_matrix(sp.vstack(blocks, format="csr"))


def group_messages(
    vectors: sp.csr_matrix, min_similarity: float = MIN_SIMILARITY
) -> list[list[int]]:
    """Indices of messages grouped by average linkage (singletons included)."""
    return [part.tolist() for part in _split_by(_cluster(vectors, min_similarity))]


def _cluster(vectors: sp.csr_matrix, min_similarity: float) -> np.ndarray:
    """Group label of each row: average linkage inside each connected component."""
    n = vectors.shape[0]
    labels = np.zeros(n, dtype=np.int64)
    if n == 0:
        return labels
    vectors = _compact(vectors)
    graph = similarity_graph(vectors, min_similarity)
    _, component = connected_components(graph, directed=False)
    sizes = np.bincount(component)
    alone = sizes[component] == 1
    labels[alone] = np.arange(int(alone.sum()))
    next_label = int(alone.sum())
    shared = np.flatnonzero(~alone)
    for members in _split_by(component[shared]):
        rows = shared[members]
        for part in _linkage_parts(vectors, graph, rows, min_similarity, min_similarity):
            labels[part] = next_label
            next_label += 1
    return labels


def _linkage_parts(
    vectors: sp.csr_matrix,
    graph: sp.csr_matrix,
    rows: np.ndarray,
    min_similarity: float,
    cut: float,
) -> Iterator[np.ndarray]:
    """Average-linkage groups of the connected ``rows`` (indices into ``vectors``).

    A component too large for the exact method (``DENSE_LIMIT``) is first cut
    where its links are weakest: its pairs at ``cut`` + ``_CUT_STEP`` form smaller
    components, and so on until each piece fits.  Two pieces are then never
    merged, which can only keep apart what exact average linkage might join.
    """
    if len(rows) == 2:
        yield rows  # linked, so at least min_similarity apart
        return
    if len(rows) <= DENSE_LIMIT:
        block = _compact(sp.csr_matrix(vectors[rows]))
        for part in _average_linkage((block @ block.T).toarray(), min_similarity):
            yield rows[part]
        return
    cut = cut + _CUT_STEP
    if cut >= 1.0:
        yield rows  # near-identical messages all the way
        return
    inner = sp.csr_matrix(graph[rows][:, rows])
    inner.data[inner.data < cut] = 0
    inner.eliminate_zeros()
    _, pieces = connected_components(inner, directed=False)
    for piece in _split_by(pieces):
        if len(piece) == 1:
            yield rows[piece]
        else:
            yield from _linkage_parts(vectors, graph, rows[piece], min_similarity, cut)


def _compact(vectors: sp.csr_matrix) -> sp.csr_matrix:
    """The same rows over the columns in use only: the hashed table has millions."""
    used, columns = np.unique(vectors.indices, return_inverse=True)
    return sp.csr_matrix(
        (vectors.data, columns.ravel(), vectors.indptr), shape=(vectors.shape[0], len(used))
    )


def _split_by(labels: np.ndarray) -> list[np.ndarray]:
    """Positions holding each distinct label, by label value."""
    if not len(labels):
        return []
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return np.split(order, bounds)


def _split_by_category(labels: np.ndarray, categories: Sequence[str]) -> np.ndarray:
    """Groups split by category where messages carry one: a confirmed category is the
    kind of problem, so requests of two categories are two problems however alike they read."""
    if not any(categories):
        return labels
    _, codes = np.unique(np.array(categories, dtype=str), return_inverse=True)
    pairs = labels * (int(codes.max()) + 1) + codes
    _, split = np.unique(pairs, return_inverse=True)
    return split.astype(np.int64)


def _average_linkage(sims: np.ndarray, min_similarity: float) -> list[np.ndarray]:
    distances = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - min_similarity, criterion="distance")
    return _split_by(labels)


def heat_index(voices: int, likes: int, active_days: int, age: timedelta | None) -> float:
    """The heat formula of the module docstring."""
    base = math.log2(1 + voices) + 0.5 * math.log2(1 + likes) + 0.5 * math.log2(1 + active_days)
    if age is None:
        return base
    halvings = max(age, timedelta(0)) / RECENCY_HALF_LIFE
    return base * (0.6 + 0.4 * 2.0**-halvings)


def _summary(messages: Sequence[Message], now: datetime | None) -> tuple[float, int, int, int]:
    times = [m.time for m in messages if m.time is not None]
    voices = len({m.user for m in messages}) if all(m.user for m in messages) else len(messages)
    likes = sum(max(m.likes, 0) for m in messages)
    days = len({t.date() for t in times})
    age = now - max(times) if times and now else None
    return heat_index(voices, likes, days, age), voices, likes, days


def find_hot_issues(
    messages: Sequence[Message],
    *,
    top: int | None = 10,
    min_similarity: float = MIN_SIMILARITY,
    now: datetime | None = None,
) -> list[HotIssue]:
    """Group ``messages`` into problems and return the ``top`` hottest (all if ``None``)."""
    if not messages:
        return []
    return rank_groups(Grouping.build(messages, min_similarity), messages, top=top, now=now)


def rank_groups(
    grouping: Grouping,
    messages: Sequence[Message],
    *,
    top: int | None = 10,
    min_size: int = 1,
    now: datetime | None = None,
    accept: Callable[[Sequence[Message]], bool] | None = None,
) -> list[HotIssue]:
    """The ``top`` hottest groups of at least ``min_size`` members of ``grouping``.

    ``messages`` are the grouped messages (times, likes, users, titles); grouped
    ids missing from them are left out, as removed.  ``accept`` (the members → keep
    the group?) filters before the top is taken, so keywords are found for those only.
    """
    by_id = {m.id: m for m in messages}
    if now is None:
        now = max((m.time for m in messages if m.time is not None), default=None)
    scored = []
    for rows in grouping.groups(min_size):
        members = [by_id[grouping.ids[r]] for r in rows if grouping.ids[r] in by_id]
        if len(members) >= min_size and members and (accept is None or accept(members)):
            present = [r for r in rows if grouping.ids[r] in by_id]
            scored.append((_summary(members, now), present, members))
    scored.sort(key=lambda item: (-item[0][0], -len(item[1]), item[1][0]))
    chosen = scored if top is None else scored[:top]
    stats, positions = _phrase_stats(messages, [members for _, _, members in chosen])
    keywords = stats.keywords_of([[positions[m.id] for m in members] for _, _, members in chosen])
    return [
        _issue(rank, members, rows, grouping.vectors, summary, words)
        for rank, ((summary, rows, members), words) in enumerate(
            zip(chosen, keywords, strict=True), start=1
        )
    ]


def _phrase_stats(
    messages: Sequence[Message], groups: Sequence[Sequence[Message]]
) -> tuple[PhraseStats, dict[str, int]]:
    """Phrase statistics over the titles, and the position of each message's title.

    Over many messages the statistics come from a reference sample of
    ``KEYWORD_SAMPLE`` titles plus every member of the groups described: how
    common a phrase is, and how freely it combines, is told as well by a sample.
    """
    if len(messages) <= KEYWORD_SAMPLE:
        reference = list(messages)
    else:
        step = len(messages) / KEYWORD_SAMPLE
        reference = [messages[int(i * step)] for i in range(KEYWORD_SAMPLE)]
    positions = {m.id: i for i, m in enumerate(reference)}
    for members in groups:
        for m in members:
            if m.id not in positions:
                positions[m.id] = len(reference)
                reference.append(m)
    return PhraseStats([m.title or m.text[:80] for m in reference]), positions


def _issue(
    rank: int,
    members: list[Message],
    rows: list[int],
    vectors: sp.csr_matrix,
    summary: tuple[float, int, int, int],
    keywords: list[str],
) -> HotIssue:
    heat, voices, likes, days = summary
    times = [m.time for m in members if m.time is not None]
    # Members in time order; undated ones last, in input order.
    ordered = sorted(range(len(members)), key=lambda i: (members[i].time or _NO_TIME, rows[i]))
    return HotIssue(
        rank=rank,
        label=_label(members[_central(rows, vectors)]),
        heat=heat,
        size=len(members),
        members=[members[i].id for i in ordered],
        first_seen=min(times) if times else None,
        last_seen=max(times) if times else None,
        keywords=keywords,
        voices=voices,
        likes=likes,
        active_days=days,
    )


def _central(rows: list[int], vectors: sp.csr_matrix) -> int:
    """Position (in ``rows``) of the member most similar on average to the others:
    its title reads as the group's."""
    block = _compact(sp.csr_matrix(vectors[rows]))
    return int(np.argmax(np.asarray((block @ block.T).sum(axis=1)).ravel()))


def _label(message: Message) -> str:
    label = " ".join((message.title or message.text).split())
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"
