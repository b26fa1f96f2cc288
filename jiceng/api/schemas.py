"""Shapes of the native API's requests and answers (they make the OpenAPI document)."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema


class ErrorOut(Schema):
    code: str = Field(description="Machine-readable error code")
    message: str = Field(description="What went wrong, in the request's language")
    field: str | None = Field(None, description="The input field at fault, if any")


class CaseIn(Schema):
    category: str = Field(max_length=30, description="Category code, e.g. transport")
    description: str = Field(max_length=5000)
    division: str = Field(max_length=12, description="12-digit village division code")
    phone: str = Field(max_length=20, description="The resident's phone; stored encrypted")
    name: str = Field("", max_length=50)
    title: str = Field("", max_length=100)
    address: str = Field("", max_length=200)
    urgency: str = Field("normal", max_length=10, description="normal or emergency")


class ContactOut(Schema):
    name: str = Field(description="Masked, e.g. 王**")
    phone: str = Field(description="Masked, e.g. 138****5678")


class CaseOut(Schema):
    number: str
    kind: str
    state: str
    category: str
    urgency: str
    channel: str
    title: str
    description: str
    division: str
    address: str
    owner: int
    owner_name: str
    submitted_at: datetime
    respond_by: datetime | None
    resolve_by: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    answer: str
    merged_into: str | None
    contact: ContactOut


class CasePage(Schema):
    items: list[CaseOut]
    next_cursor: str | None = Field(description="Pass as ?cursor= for the next page")


class DispatchIn(Schema):
    unit: int | None = Field(None, description="Unit id; the catalogue's proposal if omitted")


class ReasonIn(Schema):
    reason: str = Field(max_length=1000)


class ResolveIn(Schema):
    answer: str = Field(max_length=5000)


class ReplyIn(Schema):
    reply: str = Field(
        max_length=1000, description="Progress the resident reads on their timeline (阶段性答复)"
    )


class RateIn(Schema):
    solved: bool
    satisfaction: str = Field(description="satisfied, basically or unsatisfied")
    comment: str = Field("", max_length=1000)


class MergeIn(Schema):
    into: str = Field(max_length=20, description="Number of the case that carries the work")


class CategoryOut(Schema):
    code: str
    name: str
    name_en: str
    group: str
    first_tier: str
    time_limit: str


class DivisionOut(Schema):
    code: str
    name: str
    level: str
    parent: str | None
    children: list[DivisionOut] = Field(default_factory=list)


class RuleOut(Schema):
    county: str
    category: str
    tier: str
    unit: int | None
    unit_name: str | None


class RateOut(Schema):
    """One rate as counted: ``part`` of ``whole``, and its 95 % Wilson score interval."""

    value: float | None
    part: float
    whole: int
    low: float | None
    high: float | None


class RatesOut(Schema):
    code: str
    name: str
    kind: str  # the unit's kind with level=unit; empty for an area
    unit_id: int | None
    rank: int | None
    ranked: bool
    too_few: bool  # fewer ratings than JICENG_RANKING_MIN_RATED: shown, not ranked
    dispatched: int  # clocks started in the month
    responded: int  # of which answered in time
    rated: int
    solved: int
    satisfied: int
    basically: int
    response: RateOut
    resolution: RateOut
    satisfaction: RateOut
    response_rate: float | None
    resolution_rate: float | None
    satisfaction_rate: float | None
    composite: float | None
    local_share_village: float | None
    local_share_township: float | None
    local_share_county: float | None


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
