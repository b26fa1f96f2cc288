"""A case as the native API gives it (contact details masked), and a page of cases."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema


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
