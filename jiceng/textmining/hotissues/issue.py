"""What comes out of grouping: a hot issue, ranked, with its members and heat."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


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
