"""What the walk carries: the problems it finds, its sorted streams, one case's events."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
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

    def problem(self, text: str, seq: int = 0) -> Tampering:
        return Tampering(self.case_id, self.number, seq, text)
