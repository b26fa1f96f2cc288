"""The longest list in a page: a run of consecutive short segments and its separator."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jiceng.textmining.stuffing.reading import SEPARATOR, SHORT, length


@dataclass(frozen=True)
class ListRun:
    segments: list[str]
    separator: str
    chars: int


def longest_list(text: str) -> ListRun:
    """The longest run of consecutive short segments and its commonest separator."""
    pieces = SEPARATOR.split(text)
    segments, separators = pieces[0::2], pieces[1::2]
    best, start = (0, 0), 0
    for i, segment in enumerate(segments):
        if not SHORT[0] <= length(segment) <= SHORT[1]:
            if i - start > best[1] - best[0]:
                best = (start, i)
            start = i + 1
    if len(segments) - start > best[1] - best[0]:
        best = (start, len(segments))
    run = segments[best[0] : best[1]]
    seps = Counter(s.strip() or " " for s in separators[best[0] : max(best[1] - 1, best[0])])
    separator = seps.most_common(1)[0][0] if seps else ""
    return ListRun(run, separator, sum(len(s) for s in run))
