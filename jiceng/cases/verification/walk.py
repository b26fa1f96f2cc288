"""What the walk carries: the problems it finds, its sorted streams, one case's events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from jiceng.core import hashchain

T = TypeVar("T")


@dataclass(frozen=True)
class Tampering:
    """One place where the history no longer adds up; ``seq`` 0 when no event can be named."""

    case_id: int
    number: str
    seq: int
    problem: str


class Cursor(Generic[T]):
    """A sorted stream read one row ahead, so several streams can be walked side by side."""

    def __init__(self, rows: Iterable[T]) -> None:
        self._rows = iter(rows)
        self.row: T | None = next(self._rows, None)

    def take(self) -> T:
        row = self.row
        assert row is not None
        self.row = next(self._rows, None)
        return row


@dataclass
class Walk:
    """What one case's events said, for checking its rows against them."""

    case_id: int
    number: str
    last_seq: int = 0
    head: str = hashchain.GENESIS
    digest: str = ""
    hash_at: dict[int, str] = field(default_factory=dict)
    ratings: dict[int, Any] = field(default_factory=dict)
    photos: dict[int, Any] = field(default_factory=dict)
    # Set when the case's older events are archived (cases.partitions): the chain goes on
    # from the last archived event, and what that event vouched for is in the archive.
    archived_seq: int = 0
    archived_until: datetime | None = None

    def resume(self, seq: int, at: datetime, head: str, digest: str) -> None:
        """Start from an archived head instead of the chain's genesis."""
        self.last_seq, self.head, self.digest = seq, head, digest
        self.archived_seq, self.archived_until = seq, at
        if seq in self.hash_at:
            self.hash_at[seq] = head

    def problem(self, text: str, seq: int = 0) -> Tampering:
        return Tampering(self.case_id, self.number, seq, text)
