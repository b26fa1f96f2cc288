"""A case as the native API takes and gives it, a page of cases, and the error shape."""

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
