"""Similar past cases with the reply that closed them.

When a cadre handles a case, the closed cases that resemble it most — and how
they were answered — are the fastest guide to the policy, the responsible
unit and the wording that worked.  Retrieval reuses
:class:`~jiceng.textmining.duplicates.DuplicateIndex` (IDF-weighted character
2–3-gram cosine), so it is incremental and fast at the scale of a county's
case history; the title is counted twice so that it dominates long bodies.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from jiceng.textmining.duplicates.index import DuplicateIndex


@dataclass(frozen=True)
class PastCase:
    id: str
    text: str
    reply: str
    title: str = ""


@dataclass(frozen=True)
class SimilarCase:
    id: str
    score: float
    title: str
    text: str
    reply: str

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "score": round(self.score, 4),
            "title": self.title,
            "text": self.text,
            "reply": self.reply,
        }


class SimilarIndex:
    """Closed cases searchable by resemblance to a new case's text."""

    def __init__(self, cases: Iterable[PastCase] = ()) -> None:
        self._full = DuplicateIndex()
        self._titles = DuplicateIndex()
        self._cases: dict[str, PastCase] = {}
        self._lock = threading.Lock()
        self.add_many(cases)

    def __len__(self) -> int:
        return len(self._cases)

    def add(self, case: PastCase) -> None:
        self.add_many([case])

    def add_many(self, cases: Iterable[PastCase]) -> None:
        batch = list(cases)
        with self._lock:
            self._full.add_many((c.id, f"{c.title}\n{c.text}") for c in batch)
            self._titles.add_many((c.id, c.title or c.text[:60]) for c in batch)
            self._cases.update((c.id, c) for c in batch)

    def remove(self, case_id: str) -> bool:
        with self._lock:
            self._cases.pop(case_id, None)
            self._titles.remove(case_id)
            return self._full.remove(case_id)

    def query(
        self, text: str, k: int = 5, *, title: str = "", exclude: str | None = None
    ) -> list[SimilarCase]:
        """The ``k`` most similar past cases, best first (``exclude``: the case's own id)."""
        pool = max(4 * k, 20)
        full = dict(self._full.query(f"{title}\n{text}", pool))
        titles = dict(self._titles.query(title or text, pool))
        scores = {
            i: (full.get(i, 0.0) + titles.get(i, 0.0)) / 2 for i in full.keys() | titles.keys()
        }
        ranked = sorted(scores, key=lambda i: (-scores[i], i))
        results = []
        for case_id in ranked:
            case = self._cases.get(case_id)
            if case is not None and case_id != exclude:
                results.append(
                    SimilarCase(case_id, scores[case_id], case.title, case.text, case.reply)
                )
            if len(results) == k:
                break
        return results
