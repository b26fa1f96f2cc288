"""What a resident following their case is shown: its state, answer and timeline."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class StepOut(Schema):
    kind: str
    at: datetime
    unit: str
    answer: str
    solved: bool | None
    satisfaction: str
    merged_into: str


class PublicCaseOut(Schema):
    number: str
    state: str
    category: str
    submitted_at: datetime
    resolve_by: datetime | None
    # A request merged into another follows that one: its number, state and answer.
    merged_into: str | None = None
    followed_state: str
    answer: str = ""
    timeline: list[StepOut]
