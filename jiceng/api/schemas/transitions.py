"""The bodies of the transitions, one schema per kind of body."""

from __future__ import annotations

from ninja import Field, Schema


class DispatchIn(Schema):
    unit: int | None = Field(None, description="Unit id; the catalogue's proposal if omitted")


class ReasonIn(Schema):
    reason: str = Field(max_length=1000)


class ResolveIn(Schema):
    answer: str = Field(max_length=5000)
    root_cause: str = Field(
        "",
        max_length=40,
        description="Optional root cause (根源): a code from the case category's list, such as"
        " ageing_facility, no_maintenance, no_owner, policy_gap or one_off; an unknown code is"
        " refused with 422 naming this field",
    )
    root_cause_text: str = Field(
        "",
        max_length=300,
        description="Optional explanation of the root cause; needs root_cause",
    )


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
