"""Reference data: categories, divisions and the dispatch catalogue's rules."""

from __future__ import annotations

from ninja import Field, Schema


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
