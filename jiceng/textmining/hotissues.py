"""Hot issues: many messages about one and the same problem (the 每月一题 signal).

Grouping
    Each message becomes a TF-IDF vector of character 2–3-grams of its whole
    text plus, with equal weight, of its title; titles name the problem
    ("伊景园滨河苑捆绑销售车位") while bodies wander.  Messages are grouped by
    average-linkage agglomerative clustering and two groups are merged only
    while the *average* cosine similarity between all their members stays at or
    above ``min_similarity`` (0.2).  Average linkage, unlike connected
    components, does not chain "丽发新城 搅拌站" to "丽发新城 停水" through one
    message that mentions both, so a group is one problem at one place rather
    than a topic.  Because no merge can happen without at least one pair at or
    above the threshold, clustering runs separately inside each connected
    component of the "similarity ≥ threshold" graph, which keeps it fast.

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

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse.csgraph import connected_components
from scipy.spatial.distance import squareform

from jiceng.textmining.features import NgramTfidf, prepare
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
_CHUNK = 512
_LABEL_CHARS = 40


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


def drop_boilerplate(
    messages: Sequence[Message], share: float = BOILERPLATE_SHARE
) -> list[Message]:
    """The messages without their boilerplate (see the module docstring).

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
    common = {key for key, n in counts.items() if n >= limit and key}
    shared = {key for key, seen in categories.items() if len(seen) >= BOILERPLATE_CATEGORIES}
    if not common and not shared:
        return list(messages)
    return [replace(m, text=_without(m.text, common, shared)) for m in messages]


def _without(text: str, common: set[str], shared: set[str]) -> str:
    kept = (p for p in _sentences(text) if _key(p) not in common)
    return "".join(c for p in kept for c in _clauses(p) if _key(c) not in shared)


def message_vectors(messages: Sequence[Message]) -> sp.csr_matrix:
    """L2-normalised vectors of whole text + title (see module docstring)."""
    texts = [prepare(f"{m.title} {m.text}") for m in messages]
    vectorizer = NgramTfidf(ngram_range=(2, 3), min_df=2).fit(texts)
    vectors = vectorizer.transform(texts)
    if any(m.title for m in messages):
        vectors = vectors + vectorizer.transform([prepare(m.title) for m in messages])
    norms = np.sqrt(np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1 / norms) @ vectors)


def similarity_graph(vectors: sp.csr_matrix, min_similarity: float) -> sp.csr_matrix:
    """Sparse matrix of the pairs whose cosine similarity reaches ``min_similarity``."""
    blocks = []
    for start in range(0, vectors.shape[0], _CHUNK):
        sims = (vectors[start : start + _CHUNK] @ vectors.T).toarray()
        blocks.append(sp.csr_matrix(np.where(sims >= min_similarity, sims, 0.0)))
    return sp.csr_matrix(sp.vstack(blocks)) if blocks else sp.csr_matrix((0, 0))


def group_messages(
    vectors: sp.csr_matrix, min_similarity: float = MIN_SIMILARITY
) -> list[list[int]]:
    """Indices of messages grouped by average linkage (singletons included)."""
    graph = similarity_graph(vectors, min_similarity)
    _, component = connected_components(graph, directed=False)
    groups: list[list[int]] = []
    for members in _members_by_label(component):
        if len(members) == 1:
            groups.append(members)
            continue
        block = vectors[members]
        sims = (block @ block.T).toarray()
        groups.extend([members[i] for i in part] for part in _average_linkage(sims, min_similarity))
    return groups


def _by_category(groups: list[list[int]], messages: Sequence[Message]) -> list[list[int]]:
    """Groups split by category where messages carry one: a confirmed category is the
    kind of problem, so requests of two categories are two problems however alike they read."""
    split: list[list[int]] = []
    for members in groups:
        parts: dict[str, list[int]] = {}
        for i in members:
            parts.setdefault(messages[i].category, []).append(i)
        split.extend(parts.values())
    return split


def _members_by_label(labels: np.ndarray) -> list[list[int]]:
    order = np.argsort(labels, kind="stable")
    bounds = np.flatnonzero(np.diff(labels[order])) + 1
    return [part.tolist() for part in np.split(order, bounds)]


def _average_linkage(sims: np.ndarray, min_similarity: float) -> list[list[int]]:
    distances = np.clip(1.0 - sims, 0.0, None)
    np.fill_diagonal(distances, 0.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - min_similarity, criterion="distance")
    return _members_by_label(labels)


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
    vectors = message_vectors(drop_boilerplate(messages))
    groups = _by_category(group_messages(vectors, min_similarity), messages)
    if now is None:
        now = max((m.time for m in messages if m.time is not None), default=None)
    scored = [(_summary([messages[i] for i in g], now), g) for g in groups]
    scored.sort(key=lambda item: (-item[0][0], -len(item[1]), item[1][0]))
    chosen = scored if top is None else scored[:top]
    keywords = PhraseStats([m.title or m.text[:80] for m in messages])
    return [
        _issue(rank, messages, members, vectors, summary, keywords)
        for rank, (summary, members) in enumerate(chosen, start=1)
    ]


def _issue(
    rank: int,
    messages: Sequence[Message],
    members: list[int],
    vectors: sp.csr_matrix,
    summary: tuple[float, int, int, int],
    keywords: PhraseStats,
) -> HotIssue:
    heat, voices, likes, days = summary
    times = [t for t in (messages[i].time for i in members) if t is not None]
    # Members in time order; undated ones last, in input order.
    ordered = sorted(members, key=lambda i: (messages[i].time or _NO_TIME, i))
    return HotIssue(
        rank=rank,
        label=_label(messages[_central(members, vectors)]),
        heat=heat,
        size=len(members),
        members=[messages[i].id for i in ordered],
        first_seen=min(times) if times else None,
        last_seen=max(times) if times else None,
        keywords=keywords.keywords(members),
        voices=voices,
        likes=likes,
        active_days=days,
    )


def _central(members: list[int], vectors: sp.csr_matrix) -> int:
    """The member most similar on average to the others: its title reads as the group's."""
    block = vectors[members]
    centre = np.asarray(block.mean(axis=0)).ravel()
    return members[int(np.argmax(block @ centre))]


def _label(message: Message) -> str:
    label = " ".join((message.title or message.text).split())
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"
