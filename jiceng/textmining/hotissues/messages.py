"""What is grouped: a message."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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
