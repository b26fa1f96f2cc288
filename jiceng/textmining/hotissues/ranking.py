"""Groups ranked by heat, labelled and described by keywords (package docstring, *Heat index*)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import numpy as np
import scipy.sparse as sp

from jiceng.textmining.hotissues.clustering import MIN_SIMILARITY, compact
from jiceng.textmining.hotissues.grouping import Grouping
from jiceng.textmining.hotissues.issue import HotIssue
from jiceng.textmining.hotissues.messages import Message
from jiceng.textmining.keywords.stats import PhraseStats

_NO_TIME = datetime.max.replace(tzinfo=UTC)
RECENCY_HALF_LIFE = timedelta(days=90)
_LABEL_CHARS = 40
KEYWORD_SAMPLE = 5000


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
    block = compact(sp.csr_matrix(vectors[rows]))
    return int(np.argmax(np.asarray((block @ block.T).sum(axis=1)).ravel()))


def _label(message: Message) -> str:
    label = " ".join((message.title or message.text).split())
    return label if len(label) <= _LABEL_CHARS else label[: _LABEL_CHARS - 1] + "…"
