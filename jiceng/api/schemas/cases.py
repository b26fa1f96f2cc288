"""A case as the native API takes it, and the error shape of every answer."""

from __future__ import annotations

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
